import { operations, type Check, type Finding } from '../definition';
import { CHECKS_REFERENCE } from '../sources';

const D006: Check = {
  code: 'D006',
  title: 'REST Hook Trigger Needs a Polling URL',
  source: `${CHECKS_REFERENCE}#D006`,
  run: (subject) =>
    operations(subject.definition, ['trigger'])
      .filter(({ item }) => item.operation?.type === 'hook' && item.operation.performList === undefined)
      .map(({ where }) => ({
        code: 'D006',
        where,
        message: 'a REST hook trigger needs performList, so the Zap editor can load a real sample.',
      })),
};

/** D016 and D017: a hook trigger without subscribe and unsubscribe is a static webhook. */
const D017: Check = {
  code: 'D017',
  title: 'Static Hook Is Discouraged (D016: Consists Only a Static Webhook)',
  source: `${CHECKS_REFERENCE}#D016 and #D017`,
  run: (subject) =>
    operations(subject.definition, ['trigger'])
      .filter(
        ({ item }) =>
          item.operation?.type === 'hook' &&
          (item.operation.performSubscribe === undefined || item.operation.performUnsubscribe === undefined),
      )
      .map(({ where }) => ({
        code: 'D017',
        where,
        message: 'a hook trigger without performSubscribe and performUnsubscribe is a static webhook.',
      })),
};

const D015: Check = {
  code: 'D015',
  title: 'Search-Or-Create Connects to a Non-Existing Action/Search',
  source: `${CHECKS_REFERENCE}#D015`,
  run: (subject) =>
    Object.values(subject.definition.searchOrCreates ?? {}).flatMap((item): Finding[] => {
      const where = `searchOrCreates.${item.key}`;
      const findings: Finding[] = [];
      if (!subject.definition.searches?.[item.search ?? ''])
        findings.push({ code: 'D015', where, message: `the search "${item.search}" does not exist.` });
      if (!subject.definition.creates?.[item.create ?? ''])
        findings.push({ code: 'D015', where, message: `the action "${item.create}" does not exist.` });
      return findings;
    }),
};

const INSECURE_URL = /http:\/\/(?!localhost\b|127\.0\.0\.1\b)[^\s`)"']+/;

/** Every URL written in the definition (help text, descriptions, templates) is HTTPS; URLs built by code are out of reach offline. */
const D007: Check = {
  code: 'D007',
  title: 'All URLs Should Be HTTPS',
  source: `${CHECKS_REFERENCE}#D007`,
  run: (subject) => {
    const findings: Finding[] = [];
    const visit = (value: unknown, where: string): void => {
      if (typeof value === 'string') {
        const url = INSECURE_URL.exec(value)?.[0];
        if (url) findings.push({ code: 'D007', where, message: `${url} is not HTTPS.` });
      } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${where}[${index}]`));
      else if (typeof value === 'object' && value !== null)
        for (const [key, inner] of Object.entries(value)) visit(inner, where === '' ? key : `${where}.${key}`);
    };
    visit(subject.definition, '');
    return findings;
  },
};

export const structureChecks = [D006, D017, D015, D007];
