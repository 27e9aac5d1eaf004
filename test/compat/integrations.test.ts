import { join } from 'node:path';
import { integrationLoaders, providerKeys } from '../../index';
import type { Definition, Field } from '../../tools/check-zapier/definition';
import { readCompatInput } from '../../tools/compat/repository';
import { snapshotOf } from '../../tools/compat/snapshot';
import { judge } from '../../tools/compat/versions';

const ROOT = join(__dirname, '..', '..');

describe('check:compat over the shipped integrations', () => {
  it.each(providerKeys.map((key) => [key]))('%s breaks nothing since its last release', (key) => {
    const verdict = judge(readCompatInput(ROOT, key));
    expect(verdict.failures).toEqual([]);
    expect(verdict.changes.filter((change) => change.class === 'breaking')).toEqual([]);
  });

  it("fails when Send SMS's `to` is renamed in a copy of StratusTexting's definition", () => {
    const definition = integrationLoaders.stratustexting() as unknown as Definition;
    const sendSms = definition.creates?.send_sms;
    const fields = (sendSms?.operation?.inputFields ?? []) as Field[];
    expect(fields.map((field) => field.key)).toContain('to');
    const renamed: Definition = {
      ...definition,
      creates: {
        ...definition.creates,
        send_sms: {
          ...sendSms,
          key: 'send_sms',
          operation: {
            ...sendSms?.operation,
            inputFields: fields.map((field) => (field.key === 'to' ? { ...field, key: 'recipients' } : field)),
          },
        },
      },
    };
    const input = readCompatInput(ROOT, 'stratustexting');
    const verdict = judge({ ...input, current: snapshotOf(renamed) });
    expect(verdict.changes.filter((change) => change.class === 'breaking')).toEqual([
      {
        class: 'breaking',
        rule: 'removed-input-field',
        where: 'creates.send_sms.inputFields.to',
        message: 'input field `to` is gone (renamed to `recipients`?): live Zaps lose the value mapped into it',
      },
      {
        class: 'breaking',
        rule: 'new-required-input-field',
        where: 'creates.send_sms.inputFields.recipients',
        message: 'new input field `recipients` is required without a default: live Zaps have no value for it',
      },
    ]);
    expect(verdict.failures).toEqual([
      `stratustexting: breaking changes since ${verdict.since} (removed-input-field, new-required-input-field) need a major version: \`npm run release -- stratustexting ${Number(verdict.since?.split('.')[0]) + 1}.0.0\`, or keep the old key beside the new one and hide it.`,
    ]);
  });
});
