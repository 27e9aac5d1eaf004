import type { ZObject } from 'zapier-platform-core';
import { z as schema } from 'zod';
import { callProvider } from '../../src/core/provider-request';

/** A z whose request records the options it is given and answers an empty JSON object. */
function recordingZ() {
  const sent: Record<string, unknown>[] = [];
  const z = {
    request: async (options: Record<string, unknown>) => {
      sent.push(options);
      return { status: 200, content: '{}', request: options, getHeader: () => undefined };
    },
  } as unknown as ZObject;
  return { z, sent };
}

async function timeoutSent(): Promise<unknown> {
  const { z, sent } = recordingZ();
  await callProvider(z, { url: 'https://api.acme.test/messages' }, schema.object({}), { provider: 'Acme SMS', action: 'Find Message' });
  return sent[0]?.timeout;
}

describe('how long a provider request may take', () => {
  afterEach(() => {
    delete process.env.PROVIDER_REQUEST_TIMEOUT_MS;
  });

  it('is 25 seconds by default: under the 30 seconds after which Zapier stops the whole step', async () => {
    delete process.env.PROVIDER_REQUEST_TIMEOUT_MS;
    expect(await timeoutSent()).toBe(25000);
  });

  it('is PROVIDER_REQUEST_TIMEOUT_MS when that is a whole number of milliseconds', async () => {
    process.env.PROVIDER_REQUEST_TIMEOUT_MS = '1200';
    expect(await timeoutSent()).toBe(1200);
  });

  it.each(['0', '-5', '1.5', 'soon', ''])('ignores PROVIDER_REQUEST_TIMEOUT_MS=%j and waits 25 seconds', async (value) => {
    process.env.PROVIDER_REQUEST_TIMEOUT_MS = value;
    expect(await timeoutSent()).toBe(25000);
  });
});
