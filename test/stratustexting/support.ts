import nock from 'nock';
import stratusTexting from '../../src/providers/stratustexting/integration';
import { runner } from '../support/run';

process.env.CLIENT_ID = 'test-client-id';
process.env.CLIENT_SECRET = 'test-client-secret';
process.env.API_KEY = 'test-api-key';
process.env.STRATUSTEXTING_BASE_URL = 'https://api.stratus.test/prod';
delete process.env.STRATUSTEXTING_AUTHORIZE_URL;
delete process.env.STRATUSTEXTING_TOKEN_URL;
delete process.env.STRATUSTEXTING_SCOPES;
delete process.env.STRATUSTEXTING_PRODUCT;

// The integration reads these settings when it makes a request, so setting them after the import is enough.
export const integration = stratusTexting;
/** Runs the integration's operations by their Zapier keys. */
export const run = runner(integration);

/** The static parts of an operation that tests read (its functions are run through `run`). */
interface OperationDefinition {
  display: { label: string; description: string; hidden?: boolean };
  operation: { type?: string; canPaginate?: boolean; inputFields?: Record<string, unknown>[]; sample?: Record<string, unknown> };
}

export const triggers = integration.triggers as unknown as Record<string, OperationDefinition>;
export const creates = integration.creates as unknown as Record<string, OperationDefinition>;
export const searches = integration.searches as unknown as Record<string, OperationDefinition>;

export const API_HOST = 'https://api.stratus.test';
/** The path of the test base URL, which every API path follows. */
export const BASE = '/prod';

/** The connection test's request: the message with the all-zero id, which no message has. */
export const CONNECTION_CHECK = `${BASE}/message/getmessagebyid/000000000000000000000000`;

export const authData = { access_token: 'access-token-1', refresh_token: 'refresh-token-1', account_name: 'sam@example.com' };

/** The two credentials every API call must carry. */
export const apiHeaders = { authorization: 'Bearer access-token-1', 'x-api-key': 'test-api-key' };

/** A nock scope for the API that matches only requests carrying both credentials. */
export const api = () => nock(API_HOST, { reqheaders: apiHeaders });

/** Answers a POST to `path` (with any query) with `status`, `body` and `headers`, recording the raw path (with its query) and body of each request. */
export function answerPost(path: string, status: number, body: unknown, headers: Record<string, string> = {}) {
  const seen: { path: string; body: unknown }[] = [];
  api()
    .post(path)
    .query(true)
    .reply(function (requestPath, requestBody) {
      seen.push({ path: requestPath, body: requestBody });
      return [status, body as nock.Body, headers];
    });
  return seen;
}

/** The two sends, each with the step's input and the exact request it makes (query in the URL, empty body). */
export const SENDS = [
  {
    label: 'Send SMS',
    key: 'send_sms',
    path: `${BASE}/message/sendsms`,
    query: { from: '+19495550100', to: '+19495550111', text: 'Your order is ready' },
    inputData: { from: '(949) 555-0100', to: '(949) 555-0111', text: 'Your order is ready' },
  },
  {
    label: 'Send MMS',
    key: 'send_mms',
    path: `${BASE}/message/sendmms`,
    query: { from: '+19495550100', to: '+19495550111', mediaUrl: 'https://files.example.com/menu.jpg' },
    inputData: { from: '(949) 555-0100', to: '(949) 555-0111', media: 'https://files.example.com/menu.jpg' },
  },
];

export const FORBIDDEN_HINT =
  "The API rejected the integration's API key or this user lacks the permission (scope). Reconnect the account; if it persists, the integration's API_KEY setting is wrong.";

export { appError, inputProblem, rejection } from '../support/errors';

/** What a message trigger's editor shows before it fired for any message of the department: the API cannot list past messages. */
export const noPastMessages = (whatToDo: string) => ({
  message: `StratusTexting offers no way to list past messages. ${whatToDo}, or continue with the sample.`,
  code: 'no_sample_source',
  status: 404,
});

/** The first line of an error message (the runtime appends "What happened: …" to some errors). */
export const firstLine = (error: Error) => error.message.split('\n')[0];
