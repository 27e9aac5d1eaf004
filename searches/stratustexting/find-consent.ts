import { defineSearch, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { inputError } from '../../src/core/input-error';
import { optionalText, parseInput, type InputShape } from '../../src/core/input';
import { getConsent, listConsents } from '../../src/providers/stratustexting/api';
import { consentOutputFields, consentSample } from '../../src/providers/stratustexting/samples';

const inputFields = defineInputFields([
  {
    key: 'consent_id',
    label: 'Consent',
    required: false,
    type: 'string',
    helpText: 'The ID of the custom consent to find, e.g. `6890b1408f412234d99c8e13`. When given, Name is not used.',
  },
  {
    key: 'name',
    label: 'Name',
    required: false,
    type: 'string',
    helpText: `The custom consent's name, e.g. \`Appointment reminders\`: the whole name, capitals aside. Used when Consent is blank; with Find or Create, a consent of this name is created when there is none.`,
  },
]);

const inputShape = schema.object({ consent_id: optionalText(), name: optionalText() } satisfies InputShape<typeof inputFields>);

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** StratusTexting only. Paired with Create Custom Consent as "Find or Create Custom Consent", matched by name. */
export default defineSearch({
  key: 'find_consent',
  noun: 'Consent',
  display: {
    label: 'Find Custom Consent',
    description: 'Finds a custom consent by its ID or by its name.',
  },
  operation: {
    inputFields,
    perform: async (z: ZObject, bundle: Bundle) => {
      const input = parseInput(inputShape, bundle.inputData, inputFields);
      if (input.consent_id !== undefined) {
        const consent = await getConsent(z, input.consent_id);
        return consent ? [consent] : [];
      }
      const { name } = input;
      if (name === undefined) throw inputError('Consent', 'give the ID of the consent, or its name in Name.');
      // The documents offer no search by name: the consent list is read and matched here.
      return (await listConsents(z)).filter((consent) => typeof consent.name === 'string' && sameName(consent.name, name));
    },
    sample: consentSample,
    outputFields: consentOutputFields,
  },
});
