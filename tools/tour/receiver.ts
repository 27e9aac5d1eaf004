import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Receiver {
  url: string;
  received: unknown[];
  /** Resolves with the next body received (or one already waiting). */
  next(timeoutMs?: number): Promise<unknown>;
  close(): Promise<void>;
}

/** A stand-in for a Zapier hook URL on loopback: records every JSON body POSTed to it. */
export async function startReceiver(): Promise<Receiver> {
  const received: unknown[] = [];
  let taken = 0;
  const waiting: ((body: unknown) => void)[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      // A subscribe check (a GET) is answered as a Zapier hook URL answers it: 200, nothing echoed.
      if (request.method !== 'POST') {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"success"}');
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // a non-JSON delivery is recorded as text
      }
      received.push(body);
      const waiter = waiting.shift();
      if (waiter) {
        taken += 1;
        waiter(body);
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"success"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/catch/tour/`,
    received,
    next(timeoutMs = 5000) {
      if (taken < received.length) return Promise.resolve(received[taken++]);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no webhook arrived within ${timeoutMs} ms`)), timeoutMs);
        waiting.push((body) => {
          clearTimeout(timer);
          resolve(body);
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
