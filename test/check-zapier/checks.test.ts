import { checks } from '../../tools/check-zapier/checks';
import { titleCased } from '../../tools/check-zapier/checks/copy';
import type { Definition } from '../../tools/check-zapier/definition';
import { report, runChecks } from '../../tools/check-zapier/run';
import { authField, field, goodDefinition, operation } from './fixture';

const NAMES = ['Acme CRM'];

async function failuresOf(definition: Definition) {
  return (await runChecks({ key: 'acme', names: NAMES, definition }, checks, [])).failed;
}

interface Case {
  what: string;
  breaks: (definition: Definition) => void;
  /** Each finding as code, place and a phrase of its message. */
  finds: [code: string, where: string, says: string][];
}

const LEAD = 'creates.update_lead.inputFields';

const cases: Case[] = [
  {
    what: 'an action field asking for an API key',
    breaks: (d) =>
      operation(d, 'creates', 'update_lead').operation.inputFields?.push({
        key: 'api_key',
        label: 'API Key',
        helpText: 'Yours, from settings.',
      }),
    finds: [['D001', `${LEAD}.api_key`, 'belongs in the connection']],
  },
  {
    what: 'an API key field whose help text has no link',
    breaks: (d) => (authField(d, 'api_key').helpText = 'Copy it from the Settings page.'),
    finds: [['D002', 'authentication.fields.api_key', 'Markdown link']],
  },
  {
    what: 'a connection without a label',
    breaks: (d) => delete d.authentication?.connectionLabel,
    finds: [['D003', 'authentication.connectionLabel', 'no label']],
  },
  {
    what: 'a label template that shows a secret',
    breaks: (d) => d.authentication && (d.authentication.connectionLabel = 'Key {{bundle.authData.api_key}}'),
    finds: [['D003', 'authentication.connectionLabel', 'secret "api_key"']],
  },
  {
    what: "a label function that shows the key's last four characters",
    breaks: (d) =>
      d.authentication &&
      (d.authentication.connectionLabel = (_z: unknown, bundle: { authData: Record<string, string> }) =>
        `Stream …${String(bundle.authData.api_key).slice(-4)}`),
    finds: [['D003', 'authentication.connectionLabel', 'part of the secret "api_key"']],
  },
  {
    what: 'a label that falls back to the product name',
    breaks: (d) => d.authentication && (d.authentication.connectionLabel = () => 'Acme CRM'),
    finds: [['D003', 'authentication.connectionLabel', 'only the product\'s name ("Acme CRM")']],
  },
  {
    what: 'a connection field without help text',
    breaks: (d) => delete authField(d, 'subdomain').helpText,
    finds: [['PR-3.1', 'authentication.fields.subdomain', 'where to find it']],
  },
  {
    what: 'a subdomain field without an input format',
    breaks: (d) => delete authField(d, 'subdomain').inputFormat,
    finds: [['PR-3.1', 'authentication.fields.subdomain', 'inputFormat']],
  },
  {
    what: 'a label that is not title case',
    breaks: (d) => (operation(d, 'triggers', 'new_lead').display = { label: 'New lead', description: 'Triggers when a lead is added.' }),
    finds: [['D018', 'triggers.new_lead.display.label', '"New Lead"']],
  },
  {
    what: 'a trigger description that does not start "Triggers when "',
    breaks: (d) =>
      (operation(d, 'triggers', 'new_lead').display = { label: 'New Lead', description: "Triggers whenever there's a new lead." }),
    finds: [['D021', 'triggers.new_lead.display.description', 'Triggers when ']],
  },
  {
    what: 'a trigger description without its full stop',
    breaks: (d) =>
      (operation(d, 'triggers', 'lead_list').display = { label: 'List Leads', description: 'Triggers when a lead is added', hidden: true }),
    finds: [['D021', 'triggers.lead_list.display.description', 'end with "."']],
  },
  {
    what: 'an action description that does not start with a verb',
    breaks: (d) => (operation(d, 'creates', 'update_lead').display = { label: 'Update Lead', description: 'Lead updater.' }),
    finds: [['PR-5.1', 'creates.update_lead.display.description', '"Creates" or "Finds"']],
  },
  {
    what: 'a search labelled "Get"',
    breaks: (d) => (operation(d, 'searches', 'find_lead').display = { label: 'Get Lead', description: 'Finds a lead by email address.' }),
    finds: [['PR-6.2', 'searches.find_lead.display.label', 'start with "Find"']],
  },
  {
    what: 'a description that names the integration',
    breaks: (d) =>
      (operation(d, 'searches', 'find_lead').display = { label: 'Find Lead', description: 'Finds a lead in Acme CRM by email address.' }),
    finds: [['PR-4.1', 'searches.find_lead.display.description', 'names the integration ("Acme CRM")']],
  },
  {
    what: 'a plural noun',
    breaks: (d) => (operation(d, 'creates', 'update_lead').noun = 'Leads'),
    finds: [['PR-4.1', 'creates.update_lead.noun', 'one singular word']],
  },
  {
    what: 'a noun of two words',
    breaks: (d) => (operation(d, 'searches', 'find_lead').noun = 'Sales Lead'),
    finds: [['PR-4.1', 'searches.find_lead.noun', 'one singular word']],
  },
  {
    what: 'a bare URL in help text',
    breaks: (d) => (field(d, 'creates', 'update_lead', 'name').helpText = 'Full name, see https://acme.example/names'),
    finds: [['D008', `${LEAD}.name.helpText`, 'neither a Markdown link nor in backticks']],
  },
  {
    what: 'a broken Markdown link',
    breaks: (d) => (field(d, 'creates', 'update_lead', 'name').helpText = 'Full name, see [names(https://acme.example/names)'),
    finds: [['D008', `${LEAD}.name.helpText`, 'neither a Markdown link nor in backticks']],
  },
  {
    what: 'an id field an action asks to be typed',
    breaks: (d) => {
      const lead = field(d, 'creates', 'update_lead', 'lead_id');
      lead.label = 'Lead ID';
      delete lead.dynamic;
      delete lead.search;
    },
    finds: [['D004', `${LEAD}.lead_id`, 'dynamic dropdown']],
  },
  {
    what: 'a dropdown whose source trigger does not exist',
    breaks: (d) => (field(d, 'creates', 'update_lead', 'lead_id').dynamic = 'deal_list.id.name'),
    finds: [['D005', `${LEAD}.lead_id`, '"deal_list" is not a trigger']],
  },
  {
    what: "a dropdown whose label key is not in its source's output",
    breaks: (d) => (field(d, 'creates', 'update_lead', 'lead_id').dynamic = 'lead_list.id.title'),
    finds: [['D005', `${LEAD}.lead_id`, 'no "title"']],
  },
  {
    what: 'a search without a field to search by',
    breaks: (d) => (operation(d, 'searches', 'find_lead').operation.inputFields = []),
    finds: [['D009', 'searches.find_lead', 'no field to search by']],
  },
  {
    what: 'help text that is the label again',
    breaks: (d) => (field(d, 'creates', 'update_lead', 'name').helpText = 'name'),
    finds: [
      ['D011', `${LEAD}.name`, 'only repeats the label "Name"'],
      ['AF-HELP', `${LEAD}.name`, 'shorter than 20 characters'],
    ],
  },
  {
    what: "help text that is the label with the noun's possessive",
    breaks: (d) => (field(d, 'creates', 'update_lead', 'name').helpText = "The lead's name."),
    finds: [
      ['D011', `${LEAD}.name`, 'only repeats the label "Name"'],
      ['AF-HELP', `${LEAD}.name`, 'shorter than 20 characters'],
    ],
  },
  {
    what: 'a search-powered field whose search does not exist',
    breaks: (d) => (field(d, 'creates', 'update_lead', 'lead_id').search = 'find_deal.id'),
    finds: [['D013', `${LEAD}.lead_id`, '"find_deal.id" is not a search']],
  },
  {
    what: 'a search-powered field without a dropdown',
    breaks: (d) => (field(d, 'creates', 'update_lead', 'name').search = 'find_lead.id'),
    finds: [['D014', `${LEAD}.name`, 'needs a dynamic dropdown too']],
  },
  {
    what: 'an id dropdown without the search the integration has for it',
    breaks: (d) => delete field(d, 'creates', 'update_lead', 'lead_id').search,
    finds: [['PR-5.2.1', `${LEAD}.lead_id`, "search: 'find_lead.id'"]],
  },
  {
    what: 'an id dropdown whose value is another field of the record, without its search',
    breaks: (d) => {
      const leadId = field(d, 'creates', 'update_lead', 'lead_id');
      delete leadId.search;
      leadId.dynamic = 'lead_list.name.name';
    },
    finds: [['PR-5.2.1', `${LEAD}.lead_id`, "search: 'find_lead.name'"]],
  },
  {
    what: 'an action without static input fields',
    breaks: (d) => (operation(d, 'creates', 'update_lead').operation.inputFields = [async () => []]),
    finds: [['D022', 'creates.update_lead', 'no static input field']],
  },
  {
    what: 'a line-item group without help text before it',
    breaks: (d) => operation(d, 'creates', 'update_lead').operation.inputFields?.splice(2, 1),
    finds: [['PR-5.2.2', `${LEAD}.notes`, 'line-item group "Notes" needs a copy field']],
  },
  {
    what: "a polling trigger's sample without an id",
    breaks: (d) => (operation(d, 'triggers', 'lead_list').operation.sample = { name: 'Sam Rivera' }),
    finds: [['D010', 'triggers.lead_list.operation.sample', '"id"']],
  },
  {
    what: 'an operation without a sample',
    breaks: (d) => delete operation(d, 'searches', 'find_lead').operation.sample,
    finds: [['D012', 'searches.find_lead.operation.sample', 'sample is missing']],
  },
  {
    what: 'a date-time without a time zone',
    breaks: (d) =>
      (operation(d, 'triggers', 'new_lead').operation.sample = { id: '1', name: 'Sam Rivera', created_at: '2026-11-25T09:41:07' }),
    finds: [['D023', 'triggers.new_lead.operation.sample.created_at', 'time zone']],
  },
  {
    what: 'a date written the American way',
    breaks: (d) =>
      (operation(d, 'triggers', 'new_lead').operation.sample = { id: '1', name: '11/25/2026', created_at: '2026-11-25T09:41:07Z' }),
    finds: [['D023', 'triggers.new_lead.operation.sample.name', 'ISO-8601']],
  },
  {
    what: 'an epoch timestamp for a date-time (also the wrong type for the field)',
    breaks: (d) => (operation(d, 'triggers', 'new_lead').operation.sample = { id: '1', name: 'Sam Rivera', created_at: 1764063667000 }),
    finds: [
      ['D023', 'triggers.new_lead.operation.sample.created_at', 'epoch'],
      ['D024', 'triggers.new_lead.operation.sample', 'not of type datetime'],
    ],
  },
  {
    what: 'a required output field missing from the sample',
    breaks: (d) => operation(d, 'searches', 'find_lead').operation.outputFields?.push({ key: 'email', label: 'Email', required: true }),
    finds: [['D024', 'searches.find_lead.operation.sample', 'required output field "email"']],
  },
  {
    what: 'a sample value of the wrong type',
    breaks: (d) =>
      operation(d, 'searches', 'find_lead').operation.outputFields?.splice(1, 1, { key: 'name', label: 'Name', type: 'integer' }),
    finds: [['D024', 'searches.find_lead.operation.sample', '"Sam Rivera", not of type integer']],
  },
  {
    what: 'an output field without a label, and a sample key without an output field',
    breaks: (d) => {
      const search = operation(d, 'searches', 'find_lead').operation;
      search.outputFields = [{ key: 'id' }, { key: 'name', label: 'Name' }];
      search.sample = { id: '1', name: 'Sam Rivera', ltv: 120 };
    },
    finds: [
      ['PR-5.5', 'searches.find_lead.operation.outputFields', '"id" has no output field with a label'],
      ['PR-5.5', 'searches.find_lead.operation.outputFields', '"ltv" has no output field with a label'],
    ],
  },
  {
    what: 'an action that returns only a success message',
    breaks: (d) => {
      const update = operation(d, 'creates', 'update_lead').operation;
      update.sample = { result: 'Success' };
      update.outputFields = [{ key: 'result', label: 'Result' }];
    },
    finds: [['PR-5.3', 'creates.update_lead.operation.sample', 'neither an id nor a status']],
  },
  {
    what: 'a placeholder value in a sample',
    breaks: (d) => {
      const update = operation(d, 'creates', 'update_lead').operation;
      update.sample = { ...update.sample, name: 'string' };
    },
    finds: [['PR-5.4', 'creates.update_lead.operation.sample.name', '"name" is "string"']],
  },
  {
    what: 'a REST hook trigger without performList',
    breaks: (d) => delete operation(d, 'triggers', 'new_lead').operation.performList,
    finds: [['D006', 'triggers.new_lead', 'performList']],
  },
  {
    what: 'a hook trigger without unsubscribe',
    breaks: (d) => delete operation(d, 'triggers', 'new_lead').operation.performUnsubscribe,
    finds: [['D017', 'triggers.new_lead', 'static webhook']],
  },
  {
    what: 'a search-or-create naming an action that does not exist',
    breaks: (d) => d.searchOrCreates?.find_lead && (d.searchOrCreates.find_lead.create = 'create_lead'),
    finds: [['D015', 'searchOrCreates.find_lead', 'action "create_lead" does not exist']],
  },
  {
    what: 'a required field after an optional one',
    breaks: (d) =>
      operation(d, 'creates', 'update_lead').operation.inputFields?.push({
        key: 'owner_email',
        label: 'Owner Email',
        required: true,
        helpText: 'The e-mail of the user who owns the lead, e.g. `sam@acme.example`.',
      }),
    finds: [['PR-5.2.2', `${LEAD}.owner_email`, 'comes after the optional "Lead"']],
  },
  {
    what: 'help text shorter than 20 characters',
    breaks: (d) => (field(d, 'creates', 'update_lead', 'name').helpText = 'Given and family.'),
    finds: [['AF-HELP', `${LEAD}.name`, 'shorter than 20 characters']],
  },
  {
    what: 'a plain HTTP link',
    breaks: (d) => (field(d, 'creates', 'update_lead', 'name').helpText = 'Full name, as on [your profile](http://acme.example/me).'),
    finds: [['D007', 'creates.update_lead.operation.inputFields[1].helpText', 'http://acme.example/me is not HTTPS']],
  },
];

describe('check:zapier, the offline checker of Zapier’s published checks', () => {
  it('passes a definition that follows them all', async () => {
    expect(await failuresOf(goodDefinition())).toEqual([]);
  });

  it.each(cases.map((item) => [item.finds[0]?.[0], item.what, item] as const))('%s catches %s', async (_code, _what, item) => {
    const definition = goodDefinition();
    item.breaks(definition);
    expect(await failuresOf(definition)).toEqual(
      item.finds.map(([code, where, says]) => ({ code, where, message: expect.stringContaining(says) })),
    );
  });

  it('does not take a field naming the new record itself for an id (Add Sender ID’s Sender ID)', async () => {
    const definition = goodDefinition();
    const update = operation(definition, 'creates', 'update_lead');
    update.noun = 'Sender ID';
    update.operation.inputFields?.push({ key: 'sender_id', label: 'Sender ID', helpText: 'Up to 11 letters and digits, e.g. `ACMESHOP`.' });
    expect(await failuresOf(definition)).toEqual([]);
  });

  it('title-cases a label as Zapier shows the passing version', () => {
    expect(titleCased('add or remove contact consent')).toBe('Add or Remove Contact Consent');
    expect(titleCased('click to dial')).toBe('Click to Dial');
    expect(titleCased('send SMS')).toBe('Send SMS');
  });

  it('sets a waived finding apart with its reason, and reports both', async () => {
    const definition = goodDefinition();
    operation(definition, 'creates', 'update_lead').noun = 'Leads';
    operation(definition, 'searches', 'find_lead').noun = 'Leads';
    const waiver = { integration: 'acme', code: 'PR-4.1', where: 'creates.update_lead.noun', reason: 'renamed on another branch' };
    const subject = { key: 'acme', names: NAMES, definition };
    const outcome = await runChecks(subject, checks, [waiver]);
    expect(outcome.failed.map((finding) => finding.where)).toEqual(['searches.find_lead.noun']);
    expect(outcome.waived).toEqual([{ finding: expect.objectContaining({ where: 'creates.update_lead.noun' }), waiver }]);
    const lines = report(subject, checks, outcome).split('\n');
    expect(lines[0]).toMatch(/^acme: \d+ checks \(.*\): 1 failed, 1 waived$/);
    expect(lines.slice(1)).toEqual([
      `  FAIL PR-4.1 searches.find_lead.noun: "Leads" should be one singular word (Zapier pluralises it itself).`,
      `  waived PR-4.1 creates.update_lead.noun: "Leads" should be one singular word (Zapier pluralises it itself). (renamed on another branch)`,
    ]);
  });

  it('reports a check that cannot run as a failure of that check', async () => {
    const broken = {
      code: 'D999',
      title: 'Broken',
      source: 'nowhere',
      run: () => {
        throw new Error('boom');
      },
    };
    const outcome = await runChecks({ key: 'acme', names: NAMES, definition: goodDefinition() }, [broken], []);
    expect(outcome.failed).toEqual([{ code: 'D999', where: '(the check itself)', message: 'could not run: boom' }]);
  });

  it('cites a published source for every check', () => {
    for (const check of checks) expect(check.source).toMatch(/^Zapier, .*\(https:\/\/platform\.zapier\.com\//);
  });
});
