import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleRelay, type RelayEnv } from '../../relay/src/relay';

export interface RelayServer {
  /** `http://127.0.0.1:<port>`: what STRATUSTEXTING_HOOK_RELAY_URL names. */
  url: string;
  close(): Promise<void>;
}

/** The hook relay's fetch handler (relay/src/relay.ts) served on loopback, as Workers would serve it. */
export async function startRelay(env: RelayEnv): Promise<RelayServer> {
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const method = incoming.method ?? 'GET';
      const headers = new Headers();
      for (let index = 0; index + 1 < incoming.rawHeaders.length; index += 2) {
        headers.append(incoming.rawHeaders[index] as string, incoming.rawHeaders[index + 1] as string);
      }
      const body = method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks);
      handleRelay(new Request(`http://127.0.0.1${incoming.url ?? '/'}`, { method, headers, body }), env)
        .then(async (response) => {
          outgoing.writeHead(response.status, Object.fromEntries(response.headers));
          outgoing.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch((cause: unknown) => outgoing.writeHead(500).end(cause instanceof Error ? cause.message : 'relay error'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
