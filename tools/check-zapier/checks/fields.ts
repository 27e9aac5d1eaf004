import {
  authFields,
  inputFields,
  operations,
  outputFields,
  type Check,
  type Field,
  type Finding,
  type Located,
  type Subject,
} from '../definition';
import { ADD_FIELDS, CHECKS_REFERENCE, PUBLISHING } from '../sources';

const allInputFields = (subject: Subject, kinds?: Parameters<typeof operations>[1]) =>
  operations(subject.definition, kinds).flatMap(inputFields);

const SECRET_FIELD = /api[\s_-]?key|secret|password|access[\s_-]?token|refresh[\s_-]?token/i;

const D001: Check = {
  code: 'D001',
  title: 'Asks for API Key in Action Instead of in Auth',
  source: `${CHECKS_REFERENCE}#D001`,
  run: (subject) =>
    allInputFields(subject)
      .filter(({ item }) => SECRET_FIELD.test(item.key) || SECRET_FIELD.test(item.label ?? ''))
      .map(({ where, item }) => ({
        code: 'D001',
        where,
        message: `"${item.label ?? item.key}" asks for a credential: it belongs in the connection's fields.`,
      })),
};

/** A field that names an existing record by its id. A create's field that names the new thing itself (its label is the noun) is not a reference. */
function isIdReference(field: Located<Field>, noun: string | undefined): boolean {
  const label = field.item.label ?? '';
  if (label === noun) return false;
  return /(^|_)ids?$/i.test(field.item.key) || /\bIDs?$/.test(label);
}

/** D004, and §4.2.1 and §5.2.1 of the publishing requirements: users never type an id into a trigger or action field. */
const D004: Check = {
  code: 'D004',
  title: 'ID Fields Should Have Dynamic Dropdowns',
  source: `${CHECKS_REFERENCE}#D004; ${PUBLISHING} §4.2.1 and §5.2.1`,
  run: (subject) =>
    operations(subject.definition, ['trigger', 'create']).flatMap((operation) =>
      inputFields(operation)
        .filter(
          (field) => isIdReference(field, operation.item.noun) && field.item.dynamic === undefined && field.item.choices === undefined,
        )
        .map(({ where, item }) => ({
          code: 'D004',
          where,
          message: `"${item.label ?? item.key}" asks for an id: make it a dynamic dropdown (and search-powered).`,
        })),
    ),
};

/** `dynamic` is `trigger_key.id_key.label_key`: the trigger must exist, and its output must hold both keys. */
const D005: Check = {
  code: 'D005',
  title: 'Dynamic Dropdown Connects to a Non-Existing Trigger',
  source: `${CHECKS_REFERENCE}#D005`,
  run: (subject) =>
    allInputFields(subject)
      .filter(({ item }) => item.dynamic !== undefined)
      .flatMap(({ where, item }): Finding[] => {
        const [triggerKey = '', idKey, labelKey] = String(item.dynamic).split('.');
        const trigger = subject.definition.triggers?.[triggerKey];
        if (!trigger)
          return [{ code: 'D005', where, message: `the dropdown's source "${triggerKey}" is not a trigger of this integration.` }];
        const keys = new Set([...Object.keys(trigger.operation?.sample ?? {}), ...outputFields(trigger).map((field) => field.key)]);
        const missing = [idKey, labelKey].filter((key): key is string => key !== undefined && !keys.has(key));
        return missing.map((key) => ({
          code: 'D005',
          where,
          message: `the dropdown's source "${triggerKey}" has no "${key}" in its sample or output fields.`,
        }));
      }),
};

const D009: Check = {
  code: 'D009',
  title: 'Requires at Least One Search Field',
  source: `${CHECKS_REFERENCE}#D009`,
  run: (subject) =>
    operations(subject.definition, ['search'])
      .filter(({ item }) => (item.operation?.inputFields ?? []).length === 0)
      .map(({ where }) => ({ code: 'D009', where, message: 'the search has no field to search by.' })),
};

const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'this', 'your', 'its', 'their', 'to', 'for', 'is']);

function meaningfulWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9'’\s]/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '' && !STOP_WORDS.has(word) && !/['’]s$/.test(word));
}

/**
 * Help text that says nothing the label does not. D011 names the exact repeat; the publishing
 * requirements (§5.2.4) also call "Contact's email address" for an Email Address field redundant,
 * so help text made only of the label's words (and the noun's, articles and possessives aside) fails too.
 */
export function isRedundantHelp(label: string, helpText: string, noun = ''): boolean {
  const known = new Set(meaningfulWords(`${label} ${noun}`));
  const said = meaningfulWords(helpText);
  return said.length === 0 || said.every((word) => known.has(word));
}

const D011: Check = {
  code: 'D011',
  title: 'Redundant Help Text',
  source: `${CHECKS_REFERENCE}#D011; ${PUBLISHING} §4.2.2, §5.2.4 and §6.3.2`,
  run: (subject) => {
    const opFields = operations(subject.definition).flatMap((operation) =>
      inputFields(operation).map((field) => ({ ...field, noun: operation.item.noun })),
    );
    const auth = authFields(subject.definition).map((item) => ({ where: `authentication.fields.${item.key}`, item, noun: '' }));
    return [...opFields, ...auth]
      .filter(({ item, noun }) => item.helpText !== undefined && isRedundantHelp(item.label ?? item.key, item.helpText, noun))
      .map(({ where, item }) => ({
        code: 'D011',
        where,
        message: `the help text "${item.helpText}" only repeats the label "${item.label ?? item.key}".`,
      }));
  },
};

const D013: Check = {
  code: 'D013',
  title: 'Connects to a Non-Existing Search',
  source: `${CHECKS_REFERENCE}#D013`,
  run: (subject) =>
    allInputFields(subject)
      .filter(({ item }) => item.search !== undefined && !subject.definition.searches?.[String(item.search).split('.')[0] ?? ''])
      .map(({ where, item }) => ({ code: 'D013', where, message: `the search "${item.search}" is not a search of this integration.` })),
};

const D014: Check = {
  code: 'D014',
  title: 'Has a Search Connector, but No Dynamic Dropdown',
  source: `${CHECKS_REFERENCE}#D014`,
  run: (subject) =>
    allInputFields(subject)
      .filter(({ item }) => item.search !== undefined && item.dynamic === undefined)
      .map(({ where }) => ({ code: 'D014', where, message: 'a search-powered field needs a dynamic dropdown too.' })),
};

/**
 * §5.2.1 of the publishing requirements: an action's id field offers both a dropdown and a search
 * step. D014 shows the "Add a Search Step" button only with both, so a dropdown whose records the
 * integration can also search for (a search with the dropdown source's noun) must name that search.
 */
const PR_5_2_1: Check = {
  code: 'PR-5.2.1',
  title: 'Id dropdowns of actions are search-powered where a search exists',
  source: `${PUBLISHING} §5.2.1; ${CHECKS_REFERENCE}#D014`,
  run: (subject) =>
    operations(subject.definition, ['create'])
      .flatMap(inputFields)
      .filter(({ item }) => item.dynamic !== undefined && item.search === undefined)
      .flatMap(({ where, item }): Finding[] => {
        const [source = '', valueField = 'id'] = String(item.dynamic).split('.');
        const noun = subject.definition.triggers?.[source]?.noun;
        const search = operations(subject.definition, ['search']).find((candidate) => noun !== undefined && candidate.item.noun === noun);
        return search
          ? [
              {
                code: 'PR-5.2.1',
                where,
                message: `"${item.label ?? item.key}" lists ${noun} records: add \`search: '${search.item.key}.${valueField}'\` (the search's field that holds what the dropdown's value holds) so users can add a search step.`,
              },
            ]
          : [];
      }),
};

const D022: Check = {
  code: 'D022',
  title: 'Creates Should Try to Have Static Input Fields',
  source: `${CHECKS_REFERENCE}#D022`,
  run: (subject) =>
    operations(subject.definition, ['create'])
      .filter((operation) => inputFields(operation).length === 0)
      .map(({ where }) => ({ code: 'D022', where, message: 'the action has no static input field.' })),
};

/**
 * A line-item group says what one line is (§5.2.2 keeps `children` for line items; §5.2.4 asks for
 * help text). Zapier's schema forbids help text on the group itself, so a `copy` field directly
 * before it carries the text.
 */
const PR_5_2_2: Check = {
  code: 'PR-5.2.2',
  title: 'Line-item groups are introduced by help text',
  source: `${PUBLISHING} §5.2.2 and §5.2.4`,
  run: (subject) =>
    operations(subject.definition).flatMap(({ where, item }) => {
      const fields = (item.operation?.inputFields ?? []) as Field[];
      return fields
        .filter((field, index) => {
          const before = fields[index - 1];
          return (field.children ?? []).length > 0 && !(before?.type === 'copy' && (before.helpText ?? '').trim() !== '');
        })
        .map((field) => ({
          code: 'PR-5.2.2',
          where: `${where}.inputFields.${field.key}`,
          message: `the line-item group "${field.label ?? field.key}" needs a copy field with help text right before it.`,
        }));
    }),
};

/** "Put required … fields at the top of the form with optional fields towards the bottom" (§4.2.5, §5.2.2, §6.3.5). */
const PR_5_2_2_ORDER: Check = {
  code: 'PR-5.2.2',
  title: 'Required fields come before optional ones',
  source: `${PUBLISHING} §4.2.5, §5.2.2 and §6.3.5`,
  run: (subject) =>
    operations(subject.definition).flatMap(({ where, item }) => {
      const fields = ((item.operation?.inputFields ?? []) as Field[]).filter((field) => field.type !== 'copy');
      const firstOptional = fields.findIndex((field) => !field.required);
      if (firstOptional < 0) return [];
      const optional = fields[firstOptional] as Field;
      return fields
        .slice(firstOptional + 1)
        .filter((field) => field.required)
        .map((field) => ({
          code: 'PR-5.2.2',
          where: `${where}.inputFields.${field.key}`,
          message: `the required field "${field.label ?? field.key}" comes after the optional "${optional.label ?? optional.key}": put required fields first.`,
        }));
    }),
};

/** Help text, when a field has it, is "a 20 character or longer description" (Add input fields, field options). */
const MIN_HELP_LENGTH = 20;

const AF_HELP: Check = {
  code: 'AF-HELP',
  title: 'Help text is 20 characters or longer',
  source: `${ADD_FIELDS} (Help Text)`,
  run: (subject) => {
    const opFields = operations(subject.definition).flatMap(inputFields);
    const auth = authFields(subject.definition).map((item) => ({ where: `authentication.fields.${item.key}`, item }));
    return [...opFields, ...auth]
      .filter(({ item }) => item.helpText !== undefined && item.helpText.trim().length < MIN_HELP_LENGTH)
      .map(({ where, item }) => ({
        code: 'AF-HELP',
        where,
        message: `the help text "${item.helpText}" is shorter than ${MIN_HELP_LENGTH} characters: say what the field is for, with an example.`,
      }));
  },
};

export const fieldChecks = [D001, D004, D005, D009, D011, D013, D014, PR_5_2_1, D022, PR_5_2_2, PR_5_2_2_ORDER, AF_HELP];
