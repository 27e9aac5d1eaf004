import { authFields, inputFields, operations, prose, words, type Check, type Finding, type Subject } from '../definition';
import { CHECKS_REFERENCE, PUBLISHING } from '../sources';

/** Words that stay lower case inside a title-cased label (not first or last). */
const MINOR_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'for',
  'from',
  'in',
  'into',
  'nor',
  'of',
  'on',
  'or',
  'per',
  'the',
  'to',
  'via',
  'with',
]);

export function titleCased(label: string): string {
  const parts = words(label);
  return parts
    .map((word, index) =>
      index > 0 && index < parts.length - 1 && MINOR_WORDS.has(word.toLowerCase())
        ? word.toLowerCase()
        : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join(' ');
}

function labelled(subject: Subject): { where: string; label: string }[] {
  const ops = operations(subject.definition).map(({ where, item }) => ({
    where: `${where}.display.label`,
    label: item.display?.label ?? '',
  }));
  const searchOrCreates = Object.values(subject.definition.searchOrCreates ?? {}).map((item) => ({
    where: `searchOrCreates.${item.key}.display.label`,
    label: item.display?.label ?? '',
  }));
  return [...ops, ...searchOrCreates];
}

const D018: Check = {
  code: 'D018',
  title: 'Titlecased Label',
  source: `${CHECKS_REFERENCE}#D018`,
  run: (subject) =>
    labelled(subject)
      .filter(({ label }) => label === '' || titleCased(label) !== label)
      .map(({ where, label }) => ({
        code: 'D018',
        where,
        message: label === '' ? 'the label is missing.' : `"${label}" is not title case: "${titleCased(label)}".`,
      })),
};

const D021: Check = {
  code: 'D021',
  title: 'Trigger Description Requirements',
  source: `${CHECKS_REFERENCE}#D021`,
  run: (subject) =>
    operations(subject.definition, ['trigger'])
      .filter(({ item }) => !/^Triggers when .*\.$/s.test(item.display?.description ?? ''))
      .map(({ where, item }) => ({
        code: 'D021',
        where: `${where}.display.description`,
        message: `"${item.display?.description ?? ''}" must start with "Triggers when " and end with ".".`,
      })),
};

/** "Creates a new lead.": a plural verb first, a full stop last (§5.1); searches usually "Finds" (§6.2). */
const PR_5_1: Check = {
  code: 'PR-5.1',
  title: 'Action and search descriptions start with a plural verb and end with a full stop',
  source: `${PUBLISHING} §5.1 and §6.2`,
  run: (subject) =>
    operations(subject.definition, ['create', 'search'])
      .filter(({ item }) => !/^[A-Z][a-z]+s\b.*\.$/s.test(item.display?.description ?? ''))
      .map(({ where, item }) => ({
        code: 'PR-5.1',
        where: `${where}.display.description`,
        message: `"${item.display?.description ?? ''}" should start with a verb such as "Creates" or "Finds" and end with ".".`,
      })),
};

const PR_6_2: Check = {
  code: 'PR-6.2',
  title: 'Search labels say "Find", not "Get"',
  source: `${PUBLISHING} §6.2`,
  run: (subject) =>
    operations(subject.definition, ['search'])
      .filter(({ item }) => !(item.display?.label ?? '').startsWith('Find'))
      .map(({ where, item }) => ({
        code: 'PR-6.2',
        where: `${where}.display.label`,
        message: `"${item.display?.label ?? ''}" should start with "Find".`,
      })),
};

/** "Do not include the name of your integration" in trigger, action and search descriptions (§4.1, §5.1, §6.2). */
const PR_4_1_NAME: Check = {
  code: 'PR-4.1',
  title: "Descriptions do not repeat the integration's name",
  source: `${PUBLISHING} §4.1, §5.1 and §6.2`,
  run: (subject) =>
    operations(subject.definition).flatMap(({ where, item }): Finding[] => {
      const description = item.display?.description ?? '';
      const named = subject.names.find((name) => description.toLowerCase().includes(name.toLowerCase()));
      return named
        ? [{ code: 'PR-4.1', where: `${where}.display.description`, message: `"${description}" names the integration ("${named}").` }]
        : [];
    }),
};

/** A noun "typically is one word and should always be in the singular form" (§4.1, §5.1, §6.2). An abbreviation may follow (e.g. "Sender ID"). */
const PR_4_1_NOUN: Check = {
  code: 'PR-4.1',
  title: 'Nouns are one singular word',
  source: `${PUBLISHING} §4.1, §5.1 and §6.2`,
  run: (subject) =>
    operations(subject.definition).flatMap(({ where, item }): Finding[] => {
      const noun = item.noun ?? '';
      const [head = '', ...rest] = words(noun);
      const oneWord = head !== '' && rest.every((word) => /^[A-Z0-9]{2,}$/.test(word));
      const plural = /[^siu]s$/i.test(head) && head !== head.toUpperCase();
      if (oneWord && !plural) return [];
      return [{ code: 'PR-4.1', where: `${where}.noun`, message: `"${noun}" should be one singular word (Zapier pluralises it itself).` }];
    }),
};

const D008: Check = {
  code: 'D008',
  title: 'Invalid Markdown Link',
  source: `${CHECKS_REFERENCE}#D008`,
  run: (subject) => {
    const descriptions = operations(subject.definition).map(({ where, item }) => ({
      where: `${where}.display.description`,
      text: item.display?.description ?? '',
    }));
    const helpTexts = operations(subject.definition)
      .flatMap(inputFields)
      .map(({ where, item }) => ({ where: `${where}.helpText`, text: item.helpText ?? '' }));
    const authHelpTexts = authFields(subject.definition).map((field) => ({
      where: `authentication.fields.${field.key}.helpText`,
      text: field.helpText ?? '',
    }));
    return [...descriptions, ...helpTexts, ...authHelpTexts]
      .filter(({ text }) => /https?:\/\/|\]\s*\(|\[[^\]]*\(https?:/.test(prose(text)))
      .map(({ where, text }) => ({ code: 'D008', where, message: `a link is neither a Markdown link nor in backticks: "${text}"` }));
  },
};

export const copyChecks = [D018, D021, PR_5_1, PR_6_2, PR_4_1_NAME, PR_4_1_NOUN, D008];
