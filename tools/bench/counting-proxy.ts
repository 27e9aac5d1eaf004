import { createServer, request as forward, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as it reached the loopback server. */
export interface SeenRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface CountingProxy {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Every request so far, in order of arrival. */
  seen: SeenRequest[];
  close(): Promise<void>;
}

/**
 * A loopback server in front of the sandbox that records every request, then forwards it
 * unchanged (the Host header too, so the sandbox's redirects and page links point back here).
 */
export async function startCountingProxy(target: { port: number }): Promise<CountingProxy> {
  const seen: SeenRequest[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({ method: incoming.method ?? 'GET', url: incoming.url ?? '/', headers: incoming.headers, body: body.toString('utf8') });
      const onward = forward(
        { host: '127.0.0.1', port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      onward.on('error', (error) => {
        response.writeHead(502, { 'content-type': 'text/plain' });
        response.end(error.message);
      });
      onward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
