import { LOOPBACK_SETTING } from '../../src/core/base-url';
import { OMITTED_SUFFIX, RATE_LIMITED_SUFFIX, UNDELIVERED_SUFFIX } from './commpeak';
import { SANDBOX_CREDENTIALS } from './credentials';
import { DEFAULT_SLOW_ANSWER_MS, FAULT_SUFFIXES } from './faults';
import type { Sandbox } from './server';

const { stratustexting, commpeak, smsExtension } = SANDBOX_CREDENTIALS;

/** The environment variables each integration reads, pointed at this sandbox. */
export function integrationEnvironment(sandbox: Sandbox): Record<'stratustexting' | 'commpeak' | 'sms-extension', Record<string, string>> {
  return {
    stratustexting: {
      CLIENT_ID: stratustexting.clientId,
      CLIENT_SECRET: stratustexting.clientSecret,
      API_KEY: stratustexting.apiKey,
      STRATUSTEXTING_BASE_URL: sandbox.urls.stratustextingApi,
      STRATUSTEXTING_AUTHORIZE_URL: sandbox.urls.stratustextingAuthorize,
      STRATUSTEXTING_TOKEN_URL: sandbox.urls.stratustextingToken,
    },
    commpeak: { COMMPEAK_BASE_URL: sandbox.urls.commpeak },
    // The Base URL is typed in the connection; the sandbox's loopback address needs this setting.
    'sms-extension': { [LOOPBACK_SETTING]: '1' },
  };
}

/** The `.env` of each app directory, for `zapier-platform invoke` against the sandbox. */
export function envBlocks(sandbox: Sandbox): Record<'stratustexting' | 'commpeak' | 'sms-extension', string[]> {
  const tokens = sandbox.stratusTextingTokens();
  const environment = integrationEnvironment(sandbox);
  const lines = (variables: Record<string, string>) => Object.entries(variables).map(([name, value]) => `${name}=${value}`);
  return {
    stratustexting: [
      ...lines(environment.stratustexting),
      `authData_access_token=${tokens.access_token}`,
      `authData_refresh_token=${tokens.refresh_token}`,
    ],
    commpeak: [...lines(environment.commpeak), `authData_api_key=${commpeak.apiKey}`],
    'sms-extension': [
      ...lines(environment['sms-extension']),
      `authData_base_url=${sandbox.urls.smsExtension}`,
      `authData_client_id=${smsExtension.clientId}`,
      `authData_client_secret=${smsExtension.clientSecret}`,
      `authData_username=${smsExtension.username}`,
      `authData_password=${smsExtension.password}`,
    ],
  };
}

/** What `npm run sandbox` prints: where each provider is, what to sign in with, and how to provoke each case. */
export function banner(sandbox: Sandbox): string {
  const { url, urls } = sandbox;
  const st = sandbox.state.stratustexting;
  const env = envBlocks(sandbox);
  const sites = st.sites.map((site) => `${site.name} (department ${site.id}, number ${site.phoneNumber})`).join('; ');
  return [
    `SMS provider sandbox listening on ${url} (in-memory: restarting forgets everything)`,
    ...(sandbox.documentedOnly
      ? ['Documented-only mode: every StratusTexting endpoint the integration assumes answers 403 "Missing Authentication Token".']
      : []),
    '',
    'StratusTexting (Beetexting Connect)',
    `  API base URL     ${urls.stratustextingApi}   (every call: Authorization: Bearer <token> and x-api-key)`,
    `  OAuth authorize  ${urls.stratustextingAuthorize}   (login form; any http(s) redirect_uri is accepted)`,
    `  OAuth token      ${urls.stratustextingToken}   (HTTP Basic client auth)`,
    `  client id / secret   ${stratustexting.clientId} / ${stratustexting.clientSecret}`,
    `  API key              ${stratustexting.apiKey}`,
    `  sign in as           ${stratustexting.username} / ${stratustexting.password}`,
    `  organization ${st.orgId}; sites: ${sites}`,
    `  a customer texts in: curl -X POST ${url}/stratustexting/_sandbox/inbound -H 'content-type: application/json' \\`,
    `                         -d '{"from":"+19495550111","to":"${st.sites[0].phoneNumber}","text":"Is my order ready?"}'`,
    `  delete a contact (a contact event): curl -X DELETE ${url}/stratustexting/_sandbox/contact/<CONTACT_ID>`,
    `  make a client refresh: curl -X POST ${url}/stratustexting/_sandbox/expire-tokens`,
    st.webhookHandshake
      ? '  subscribe: the callback must first echo the validation-token header of a GET (SANDBOX_WEBHOOK_HANDSHAKE=off skips this check)'
      : '  subscribe: no validation-token check of the callback (SANDBOX_WEBHOOK_HANDSHAKE=off)',
    '',
    'CommPeak SMS Streams',
    `  base URL   ${urls.commpeak}   (POST /simple_send/ and /messages_status/; no trailing slash → 307)`,
    `  API key    ${commpeak.apiKey}   (raw in the Authorization header)`,
    `  recipient ending in ${RATE_LIMITED_SUFFIX} → error "RATE_LIMIT"; ending in ${OMITTED_SUFFIX} → missing from the answer; ending in ${UNDELIVERED_SUFFIX} → status UNDELIVERED`,
    '',
    'SMS Extension',
    `  base URL   ${urls.smsExtension}   (send Accept: application/json)`,
    `  client id / secret   ${smsExtension.clientId} / ${smsExtension.clientSecret}`,
    `  username / password  ${smsExtension.username} / ${smsExtension.password}`,
    '  sender ids: ACMESHOP (approved), ACMEINFO (pending); new ones are pending until approved:',
    `    curl -X POST ${url}/sms-extension/_sandbox/sender-ids/<SENDER_ID>/approve`,
    `  make a client refresh: curl -X POST ${url}/sms-extension/_sandbox/expire-tokens`,
    '',
    "Lost answers (every provider's send): the message is accepted and stored, then the answer is lost when a recipient ends in",
    `  ${FAULT_SUFFIXES.drop} → the connection is dropped; ${FAULT_SUFFIXES.badGateway} → an HTML 502 Bad Gateway page; ${FAULT_SUFFIXES.slow} → the answer comes after ${DEFAULT_SLOW_ANSWER_MS / 1000} s;`,
    `  ${FAULT_SUFFIXES.seeOther} → a 303 See Other instead of the answer`,
    '',
    'For `zapier-platform invoke`, put these lines in the .env of each app directory:',
    ...Object.entries(env).flatMap(([key, lines]) => ['', `# apps/${key}/.env`, ...lines]),
    '',
  ].join('\n');
}
