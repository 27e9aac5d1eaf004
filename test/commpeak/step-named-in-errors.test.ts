import { appError, appTester, authData, commpeak, integration, rejection } from './support';

const FIRST = 'e6b7ae60-6bbc-4db5-bfe4-7c9af27b8bdc';
const SECOND = '81e766af-06eb-4676-ac83-0ca32b8aff85';

const run = (operation: { perform?: unknown }, inputData: Record<string, unknown>) =>
  appTester(operation.perform as never, { authData, inputData });

// A Zap can hold several CommPeak steps: an error names the one CommPeak refused.
describe('A CommPeak error names the step CommPeak answered with an error', () => {
  it.each([
    ['find message status', integration.searches.find_message_status.operation, { message_uuid: FIRST }, [FIRST]],
    ['get message statuses', integration.creates.get_message_statuses.operation, { message_uuids: [FIRST, SECOND] }, [FIRST, SECOND]],
  ])('"%s"', async (step, operation, inputData, uuids) => {
    commpeak().post('/messages_status/', { message_uuids: uuids }).reply(500, { detail: 'Internal Server Error' });
    const error = appError(await rejection(run(operation, inputData)));
    expect(error.message).toBe(
      `CommPeak failed on its side during "${step}" ("Internal Server Error"). Nothing in this step needs to change: try again later. (HTTP 500)`,
    );
  });
});
