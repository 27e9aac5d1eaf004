import { writeFileSync } from 'node:fs';
import { runProbe } from './run';

// `npm run probe -- <key> [--sandbox] [--json FILE]`: README, "Check against your account".
async function main(args: string[]): Promise<number> {
  const key = args.find((arg) => !arg.startsWith('--'));
  const jsonAt = args.indexOf('--json');
  const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
  const unknown = args.filter((arg, index) => arg.startsWith('--') && arg !== '--sandbox' && arg !== '--json' && index !== jsonAt + 1);
  if (!key || unknown.length > 0 || (jsonAt >= 0 && !jsonFile)) {
    console.error('Usage: npm run probe -- <stratustexting|commpeak|sms-extension> [--sandbox] [--json FILE]');
    return 2;
  }
  const report = await runProbe(key, { sandbox: args.includes('--sandbox') });
  console.log(report.table);
  if (jsonFile) writeFileSync(jsonFile, `${report.json}\n`);
  return report.exitCode;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (cause: unknown) => {
    console.error(cause instanceof Error ? cause.message : cause);
    process.exit(2);
  },
);
