import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { commPeakSandbox, COMMPEAK_PREFIX, type CommPeakState } from './commpeak';
import { drifted } from './drift';
import { DEFAULT_SLOW_ANSWER_MS, deliver } from './faults';
import { json, readRequest, type Reply, type SandboxRequest } from './http';
import { smsExtensionSandbox, SMS_EXTENSION_PREFIX, type SmsExtensionState } from './sms-extension';
import { stratusTextingSandbox, STRATUSTEXTING_API_PREFIX, STRATUSTEXTING_PREFIX } from './stratustexting';
import type { StratusTextingState } from './stratustexting/state';

export interface SandboxState {
  stratustexting: StratusTextingState;
  commpeak: CommPeakState;
  smsExtension: SmsExtensionState;
}

/** Where each integration's settings point when they use the sandbox. */
export interface SandboxUrls {
  stratustextingApi: string;
  stratustextingAuthorize: string;
  stratustextingToken: string;
  commpeak: string;
  smsExtension: string;
}

export interface Sandbox {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  port: number;
  urls: SandboxUrls;
  state: SandboxState;
  /** Whether the endpoints the integrations assume answer as missing (see SandboxOptions). */
  documentedOnly: boolean;
  /** A StratusTexting access and refresh token for the sandbox user, as if they had signed in. */
  stratusTextingTokens(): { access_token: string; refresh_token: string };
  /** Resolves once every webhook POST started so far has been answered or has failed. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

type Provider = { handle(request: Omit<SandboxRequest, 'params'>): Promise<Reply> };

function underPrefix(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

export interface SandboxOptions {
  /** 0, the default, picks a free port. */
  port?: number;
  /** How late a send to a recipient ending in 0504 is answered (see faults.ts). */
  slowAnswerMs?: number;
  /**
   * Serve only what the providers document: every endpoint the integrations assume answers as
   * the real gateway answers a path it lacks. Defaults to SANDBOX_DOCUMENTED_ONLY=1 in the environment.
   * CommPeak's and SMS Extension's paths are all in their documents, so only StratusTexting changes.
   */
  documentedOnly?: boolean;
  /** Answer some calls in drifted shapes (drift.ts). Defaults to SANDBOX_DRIFT=1 in the environment. */
  drift?: boolean;
}

/** Starts the sandbox on 127.0.0.1. State lives in memory. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const slowAnswerMs = options.slowAnswerMs ?? DEFAULT_SLOW_ANSWER_MS;
  const documentedOnly = options.documentedOnly ?? process.env.SANDBOX_DOCUMENTED_ONLY === '1';
  const drift = options.drift ?? process.env.SANDBOX_DRIFT === '1';
  const stratustexting = stratusTextingSandbox({ documentedOnly });
  const commpeak = commPeakSandbox();
  const smsExtension = smsExtensionSandbox();
  const providers: [string, Provider][] = [
    [STRATUSTEXTING_PREFIX, stratustexting],
    [COMMPEAK_PREFIX, commpeak],
    [SMS_EXTENSION_PREFIX, smsExtension],
  ];

  const server = createServer((incoming, response) => {
    readRequest(incoming)
      .then((request) => {
        const provider = providers.find(([prefix]) => underPrefix(request.path, prefix))?.[1];
        if (provider && drift) return provider.handle(request).then((reply) => drifted(request.method, request.path, reply));
        return provider
          ? provider.handle(request)
          : json(404, { message: `No sandbox provider at ${request.path}; use ${providers.map(([prefix]) => prefix).join(', ')}.` });
      })
      .then((reply) => deliver(response, reply, slowAnswerMs))
      .catch((cause: unknown) => deliver(response, json(500, { message: cause instanceof Error ? cause.message : 'Sandbox error' }), 0));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    port,
    urls: {
      stratustextingApi: `${url}${STRATUSTEXTING_API_PREFIX}`,
      stratustextingAuthorize: `${url}${STRATUSTEXTING_PREFIX}/oauth2/authorize/`,
      stratustextingToken: `${url}${STRATUSTEXTING_PREFIX}/oauth2/token/`,
      commpeak: `${url}${COMMPEAK_PREFIX}`,
      smsExtension: `${url}${SMS_EXTENSION_PREFIX}`,
    },
    state: { stratustexting: stratustexting.state, commpeak: commpeak.state, smsExtension: smsExtension.state },
    documentedOnly,
    stratusTextingTokens: () => stratustexting.signedInTokens(),
    idle: () => stratustexting.delivery.idle(),
    close: async () => {
      await stratustexting.delivery.idle();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
