import { defineSearch, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { parseInput, type InputShape } from '../../src/core/input';
import { listSenderIds, PROVIDER } from '../../src/providers/sms-extension/api';
import { senderIdText } from '../../src/providers/sms-extension/sender-id';
import { senderIdOutputFields, senderIdSample } from '../../src/providers/sms-extension/sender-id-output';

const inputFields = defineInputFields([
  {
    key: 'sender_id',
    label: 'Sender ID',
    required: true,
    type: 'string',
    helpText: `The sender id to find, exactly as it was added to ${PROVIDER}, e.g. \`ACMESHOP\`: letters A-Z and digits only; capitals count (\`AcmeShop\` is not \`ACMESHOP\`).`,
  },
]);

const inputShape = schema.object({ sender_id: senderIdText() } satisfies InputShape<typeof inputFields>);

/** SMS Extension only. Paired with Add Sender ID as "Find or Add Sender ID". */
export default defineSearch({
  key: 'find_sender_id',
  noun: 'Sender ID',
  display: {
    label: 'Find Sender ID',
    description: 'Finds a sender id of your account by its name, with whether it is approved for sending yet.',
  },
  operation: {
    inputFields,
    perform: async (z: ZObject, bundle: Bundle) => {
      const { sender_id: name } = parseInput(inputShape, bundle.inputData, inputFields);
      // ASSUMPTION: [sx-case] case counts. The provider does not say whether it folds case, and two ids differing only in
      // case could be distinct, so a case-blind match could report another id (and skip adding this one).
      const found = (await listSenderIds(z, bundle)).find((sender) => sender.sender_id === name);
      return found ? [found] : [];
    },
    sample: senderIdSample,
    outputFields: senderIdOutputFields,
  },
});
