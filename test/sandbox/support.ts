import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { startSandbox, type Sandbox } from '../../tools/sandbox';

/** Starts a sandbox on a free loopback port for the file's tests, and stops it after them. */
export function useSandbox(): () => Sandbox {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  return () => {
    if (!sandbox) throw new Error('the sandbox has not started');
    return sandbox;
  };
}

export async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  return text === '' ? undefined : JSON.parse(text);
}

export interface Receiver {
  url: string;
  received: { headers: IncomingHttpHeaders; body: unknown }[];
  /** The validation-token of every subscribe check (GET) that reached the receiver. */
  handshakes: string[];
  close(): Promise<void>;
}

/**
 * A local webhook receiver: records every POST and answers 200. It answers the subscribe check
 * as documented (200, echoing the validation-token header) unless `echoesToken` is false, as a
 * Zapier hook URL would.
 */
export async function startReceiver({ echoesToken = true } = {}): Promise<Receiver> {
  const received: Receiver['received'] = [];
  const handshakes: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'GET') {
        const token = String(request.headers['validation-token'] ?? '');
        handshakes.push(token);
        response.writeHead(200, echoesToken ? { 'validation-token': token } : {}).end('{"status":"success"}');
        return;
      }
      received.push({ headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/catch`,
    received,
    handshakes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
