import { authFields, type Check, type Finding, type Subject } from '../definition';
import { BUILD_GUIDELINES, CHECKS_REFERENCE, PUBLISHING } from '../sources';

const MARKDOWN_LINK = /\[[^\]]+\]\(https:\/\/[^)\s]+\)/;
const PASTED_KEY = /api[\s_-]?key/i;

/** D002: a pasted API key's help text links to the page that shows it. */
const D002: Check = {
  code: 'D002',
  title: 'Provide Link in Help Text for Auth Fields',
  source: `${CHECKS_REFERENCE}#D002`,
  run: (subject) =>
    authFields(subject.definition)
      .filter((field) => (PASTED_KEY.test(field.key) || PASTED_KEY.test(field.label ?? '')) && !MARKDOWN_LINK.test(field.helpText ?? ''))
      .map((field) => ({
        code: 'D002',
        where: `authentication.fields.${field.key}`,
        message: `"${field.label ?? field.key}" needs a Markdown link to the page where the key is found.`,
      })),
};

/** §3.1: every connection field except Basic Auth's says where the credential is found. */
const PR_3_1_HELP: Check = {
  code: 'PR-3.1',
  title: 'Connection fields say where each credential is found',
  source: `${PUBLISHING} §3.1; ${BUILD_GUIDELINES} (Authentication: Help texts)`,
  run: (subject) =>
    subject.definition.authentication?.type === 'basic'
      ? []
      : authFields(subject.definition)
          .filter((field) => (field.helpText ?? '').trim() === '')
          .map((field) => ({
            code: 'PR-3.1',
            where: `authentication.fields.${field.key}`,
            message: `"${field.label ?? field.key}" has no help text saying where to find it.`,
          })),
};

/** §3.1: a value in a set format (a URL, a subdomain) declares it with `inputFormat`. */
const PR_3_1_FORMAT: Check = {
  code: 'PR-3.1',
  title: 'Connection fields with a format declare an input format',
  source: `${PUBLISHING} §3.1; ${BUILD_GUIDELINES} (Authentication: Input format)`,
  run: (subject) =>
    authFields(subject.definition)
      .filter((field) => /url|domain|host/i.test(`${field.key} ${field.label ?? ''}`) && (field.inputFormat ?? '').trim() === '')
      .map((field) => ({
        code: 'PR-3.1',
        where: `authentication.fields.${field.key}`,
        message: `"${field.label ?? field.key}" needs an inputFormat, e.g. \`https://{{input}}.example.com\`.`,
      })),
};

const SECRET_KEYS = ['access_token', 'refresh_token', 'api_key', 'client_secret', 'password', 'token'];

/** Gives every secret of a connection a value of its own, whose end no label could show by chance. */
function secretAuthData(subject: Subject): Record<string, string> {
  const secretFields = authFields(subject.definition)
    .filter((field) => field.type === 'password' || SECRET_KEYS.includes(field.key))
    .map((field) => field.key);
  return Object.fromEntries(
    [...new Set([...secretFields, ...SECRET_KEYS])].map((key, index) => [key, `Secret_${key}_${(index + 1) * 7919}`]),
  );
}

/** The label of a connection whose test answered nothing: what the label shows from the credentials alone. */
async function labelWithoutAccountData(subject: Subject, authData: Record<string, string>): Promise<string | null> {
  const label = subject.definition.authentication?.connectionLabel;
  if (typeof label === 'string') return label;
  if (typeof label !== 'function') return null;
  return String((await (label as (z: unknown, bundle: unknown) => unknown)({}, { authData, inputData: {} })) ?? '');
}

/**
 * D003 and §3.3: a label is set; it shows account data, never key material (a template naming a
 * secret, or a function whose answer holds part of one), and never only the product's name.
 */
const D003: Check = {
  code: 'D003',
  title: 'Connection Label Should Be Set',
  source: `${CHECKS_REFERENCE}#D003; ${PUBLISHING} §3.3`,
  run: async (subject) => {
    const where = 'authentication.connectionLabel';
    const label = subject.definition.authentication?.connectionLabel;
    if (label === undefined || label === '') return [{ code: 'D003', where, message: 'the connection has no label.' }];
    const authData = secretAuthData(subject);
    const shown = await labelWithoutAccountData(subject, authData);
    const findings: Finding[] = [];
    if (typeof label === 'string') {
      const named = Object.keys(authData).find((key) => label.includes(`authData.${key}`));
      if (named) findings.push({ code: 'D003', where, message: `the label shows the secret "${named}".` });
    } else if (shown !== null) {
      const leaked = Object.entries(authData).find(([, secret]) => [4, 6, 8].some((length) => shown.includes(secret.slice(-length))));
      if (leaked) findings.push({ code: 'D003', where, message: `the label shows part of the secret "${leaked[0]}": "${shown}".` });
    }
    const bare = subject.names.find((name) => (shown ?? '').trim().toLowerCase() === name.toLowerCase());
    if (bare) findings.push({ code: 'D003', where, message: `without account data the label is only the product's name ("${bare}").` });
    return findings;
  },
};

export const authChecks = [D002, PR_3_1_HELP, PR_3_1_FORMAT, D003];
