import type { Definition, Field, Operation } from '../../tools/check-zapier/definition';

const perform = async () => [];

/** A small integration that follows every published check: each test breaks one thing in a fresh copy. */
export function goodDefinition(): Definition {
  return {
    authentication: {
      type: 'custom',
      fields: [
        {
          key: 'api_key',
          label: 'API Key',
          type: 'password',
          helpText: 'Copy it from [Settings → API](https://app.acme.example/settings/api).',
        },
        {
          key: 'subdomain',
          label: 'Subdomain',
          inputFormat: 'https://{{input}}.acme.example',
          helpText: 'The first part of your Acme address, e.g. `shop`.',
        },
      ],
      connectionLabel: '{{bundle.inputData.email}}',
    },
    triggers: {
      new_lead: {
        key: 'new_lead',
        noun: 'Lead',
        display: { label: 'New Lead', description: 'Triggers when a lead is added.' },
        operation: {
          type: 'hook',
          perform,
          performList: perform,
          performSubscribe: perform,
          performUnsubscribe: perform,
          sample: { id: '1', name: 'Sam Rivera', created_at: '2026-11-25T09:41:07Z' },
          outputFields: [
            { key: 'id', label: 'Lead ID' },
            { key: 'name', label: 'Name' },
            { key: 'created_at', label: 'Created At', type: 'datetime' },
          ],
        },
      },
      lead_list: {
        key: 'lead_list',
        noun: 'Lead',
        display: { label: 'List Leads', description: 'Triggers when a lead is added. Fills the Lead dropdowns.', hidden: true },
        operation: {
          perform,
          canPaginate: true,
          sample: { id: '1', name: 'Sam Rivera' },
          outputFields: [
            { key: 'id', label: 'Lead ID' },
            { key: 'name', label: 'Name' },
          ],
        },
      },
    },
    creates: {
      update_lead: {
        key: 'update_lead',
        noun: 'Lead',
        display: { label: 'Update Lead', description: 'Changes the details of a lead.' },
        operation: {
          perform,
          inputFields: [
            {
              key: 'lead_id',
              label: 'Lead',
              dynamic: 'lead_list.id.name',
              search: 'find_lead.id',
              helpText: 'The lead to change: pick one, or add a Find Lead step.',
            },
            { key: 'name', label: 'Name', helpText: 'Full name, e.g. `Sam Rivera`.' },
            { key: 'notes_note', type: 'copy', helpText: '**Notes**: one note per line item, mapped from an earlier step.' },
            {
              key: 'notes',
              label: 'Notes',
              children: [{ key: 'note_text', label: 'Note', helpText: 'Its text, e.g. `Called back`.' }],
            },
          ],
          sample: { id: '1', name: 'Sam Rivera' },
          outputFields: [
            { key: 'id', label: 'Lead ID' },
            { key: 'name', label: 'Name' },
          ],
        },
      },
    },
    searches: {
      find_lead: {
        key: 'find_lead',
        noun: 'Lead',
        display: { label: 'Find Lead', description: 'Finds a lead by email address.' },
        operation: {
          perform,
          inputFields: [{ key: 'email', label: 'Email', helpText: 'The address to look for, e.g. `sam@example.com`.' }],
          sample: { id: '1', name: 'Sam Rivera' },
          outputFields: [
            { key: 'id', label: 'Lead ID' },
            { key: 'name', label: 'Name' },
          ],
        },
      },
    },
    searchOrCreates: {
      find_lead: {
        key: 'find_lead',
        display: { label: 'Find or Create Lead', description: 'Finds a lead, creating it when there is none.' },
        search: 'find_lead',
        create: 'update_lead',
      },
    },
  };
}

type Kind = 'triggers' | 'creates' | 'searches';

/** The operation `key` of a group, to change in place. */
export function operation(
  definition: Definition,
  group: Kind,
  key: string,
): Operation & { operation: NonNullable<Operation['operation']> } {
  const found = definition[group]?.[key];
  if (!found?.operation) throw new Error(`no ${group}.${key} in the fixture`);
  return found as Operation & { operation: NonNullable<Operation['operation']> };
}

/** The input field `key` of an operation (children included), to change in place. */
export function field(definition: Definition, group: Kind, operationKey: string, key: string): Field {
  const fields = (operation(definition, group, operationKey).operation.inputFields ?? []) as Field[];
  const found = [...fields, ...fields.flatMap((item) => item.children ?? [])].find((item) => item.key === key);
  if (!found) throw new Error(`no field ${key} in ${group}.${operationKey}`);
  return found;
}

export function authField(definition: Definition, key: string): Field {
  const found = (definition.authentication?.fields as Field[] | undefined)?.find((item) => item.key === key);
  if (!found) throw new Error(`no auth field ${key}`);
  return found;
}
