import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { providerKeys, type ProviderKey } from '../../index';

// Builds each app's build.zip with Zapier's CLI, as `zapier push` would (it installs the app's
// dependencies from the npm registry, so it needs the network), without the remote style check.
// The CLI then loads the zip it made; this script also runs Send SMS from inside the zip with
// Quiet Hours around the recipient's local time, which stops before any request once the bundled
// time-zone table names the recipient's zone.
const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'node_modules', '.bin', 'zapier-platform');
const env = { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1' };

/** A Send SMS each integration accepts, and its recipient's time zone. */
const SEND: Record<ProviderKey, { inputData: Record<string, string>; zone: string }> = {
  stratustexting: { inputData: { from: '(949) 555-0100', to: '(949) 555-0111' }, zone: 'America/Los_Angeles' },
  commpeak: { inputData: { from: 'GLOBAL', to: '+972 52 426 5292' }, zone: 'Asia/Jerusalem' },
  'sms-extension': { inputData: { from: 'ACMESHOP', to: '07400 900123' }, zone: 'Europe/London' },
};

/** A two-hour window around the time it is now in `zone`, as HH:MM-HH:MM. */
function windowAroundNow(zone: string): string {
  const [hour, minute] = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date())
    .split(':')
    .map(Number);
  const clock = (minutes: number) => {
    const wrapped = (minutes + 1440) % 1440;
    return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
  };
  const now = (hour as number) * 60 + (minute as number);
  return `${clock(now - 60)}-${clock(now + 60)}`;
}

const quietHoursProbe = (key: ProviderKey) => `
const { createAppHandler } = require('zapier-platform-core');
const inputData = ${JSON.stringify({ ...SEND[key].inputData, text: 'Hi', quiet_hours: windowAroundNow(SEND[key].zone) })};
createAppHandler(require('./index.js'))({ command: 'execute', method: 'creates.send_sms.operation.perform', bundle: { authData: {}, inputData } })
  .then(() => console.log('\\nPROBE sent'), (error) => console.log('\\nPROBE ' + error.message.split('\\n')[0]));`;

let failed = 0;
for (const key of providerKeys) {
  const cwd = join(root, 'apps', key);
  const unpacked = mkdtempSync(join(tmpdir(), `zip-${key}-`));
  try {
    execFileSync(cli, ['build', '--skip-validation'], { cwd, stdio: 'inherit', env });
    execFileSync('unzip', ['-q', join(cwd, 'build', 'build.zip'), '-d', unpacked]);
    const output = execFileSync(process.execPath, ['-e', quietHoursProbe(key)], { cwd: unpacked, encoding: 'utf8' });
    const answer = output.slice(output.lastIndexOf('\nPROBE ') + '\nPROBE '.length).trim();
    if (!/^Not sent: .* in [A-Z][A-Za-z_]+\/[A-Za-z_/]+;/.test(answer))
      throw new Error(`Quiet Hours found no time zone from inside the zip: ${answer}`);
    console.log(`apps/${key}/build/build.zip: loads, and Quiet Hours reads its table from inside it: ${answer}`);
  } catch (error) {
    failed += 1;
    console.error(`apps/${key}: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    rmSync(unpacked, { recursive: true, force: true });
  }
}
if (failed > 0) process.exit(1);
