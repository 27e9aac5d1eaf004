import { writeFileSync } from 'node:fs';
import { runProbe } from './run';

const USAGE =
  'Usage: npm run probe -- <stratustexting|commpeak|sms-extension> [--sandbox] [--write] [--hook-url URL] [--send-to NUMBER] [--json FILE]';

/** The command line's options; undefined when it cannot be read. */
function parse(args: string[]) {
  const options: { key?: string; sandbox?: boolean; write?: boolean; hookUrl?: string; sendTo?: string; jsonFile?: string } = {};
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--sandbox') options.sandbox = true;
    else if (arg === '--write') options.write = true;
    else if (arg === '--hook-url' || arg === '--json' || arg === '--send-to') {
      const value = args[(index += 1)];
      if (!value || value.startsWith('--')) return undefined;
      if (arg === '--json') options.jsonFile = value;
      else if (arg === '--send-to') options.sendTo = value;
      else options.hookUrl = value;
    } else if (!arg.startsWith('--') && !options.key) options.key = arg;
    else return undefined;
  }
  return options.key ? options : undefined;
}

// `npm run probe -- <key> …`: README, "Check against your account".
async function main(args: string[]): Promise<number> {
  const options = parse(args);
  if (!options?.key) {
    console.error(USAGE);
    return 2;
  }
  const report = await runProbe(options.key, options);
  console.log(report.table);
  if (options.jsonFile) writeFileSync(options.jsonFile, `${report.json}\n`);
  return report.exitCode;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (cause: unknown) => {
    console.error(cause instanceof Error ? cause.message : cause);
    process.exit(2);
  },
);
