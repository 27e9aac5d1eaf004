import { banner, startSandbox } from '../sandbox';

// `npm run sandbox`: the three provider stand-ins on 127.0.0.1, until Ctrl-C.
const DEFAULT_PORT = 4010;

async function main(): Promise<void> {
  const raw = process.env.SANDBOX_PORT?.trim();
  const port = raw ? Number(raw) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`SANDBOX_PORT must be a port number (0-65535), not "${raw}".`);
  }
  const sandbox = await startSandbox({ port }).catch((cause: unknown) => {
    if ((cause as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw cause;
    throw new Error(
      `Port ${port} is already in use (another sandbox, or another program). ` +
        `Start the sandbox on a free port with SANDBOX_PORT, e.g. \`SANDBOX_PORT=4011 npm run sandbox\`; its banner prints the .env lines for that port.`,
    );
  });
  sandbox.state.stratustexting.webhookHandshake = process.env.SANDBOX_WEBHOOK_HANDSHAKE?.trim().toLowerCase() !== 'off';
  console.log(banner(sandbox));
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((cause: unknown) => {
  console.error(cause instanceof Error ? cause.message : cause);
  process.exit(1);
});
