import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { stageApp } from '../../tools/scripts/stage-apps';

/** Every file under `folder`, as paths relative to it. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}

describe('staging apps/<key> (npm run build)', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const staged = () => filesUnder(join(root, 'apps', 'demo'));
  const stagedText = () => staged().map((file) => readFileSync(join(root, 'apps', 'demo', file), 'utf8'));

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'stage-'));
    write('apps/demo/index.js', "module.exports = require('./dist/integration').default;\n");
    write('creates/demo/send-sms.ts', "export default { key: 'send_sms', marker: 'SEND_SMS_CODE' };\n");
    write('creates/demo/send-mms.ts', "export default { key: 'send_mms', marker: 'SEND_MMS_CODE' };\n");
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('bundles the definition and what it imports into the one file apps/<key>/dist/integration.js, which loads', () => {
    write(
      'src/providers/demo/integration.ts',
      "import sendSms from '../../../creates/demo/send-sms';\nimport sendMms from '../../../creates/demo/send-mms';\nexport default { creates: [sendSms, sendMms] };\n",
    );
    stageApp(root, 'demo');
    expect(staged()).toEqual(['dist/integration.js', 'index.js']);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads the staged app as Zapier does
    expect(require(join(root, 'apps', 'demo', 'index.js'))).toEqual({
      creates: [
        { key: 'send_sms', marker: 'SEND_SMS_CODE' },
        { key: 'send_mms', marker: 'SEND_MMS_CODE' },
      ],
    });
  });

  it('ships nothing of a source file removed since the last build, nor any file left in apps/<key>/dist', () => {
    write(
      'src/providers/demo/integration.ts',
      "import sendSms from '../../../creates/demo/send-sms';\nimport sendMms from '../../../creates/demo/send-mms';\nexport default { creates: [sendSms, sendMms] };\n",
    );
    stageApp(root, 'demo');
    write('apps/demo/dist/creates/demo/send-mms.js', "module.exports = 'SEND_MMS_CODE';\n");
    rmSync(join(root, 'creates', 'demo', 'send-mms.ts'));
    write(
      'src/providers/demo/integration.ts',
      "import sendSms from '../../../creates/demo/send-sms';\nexport default { creates: [sendSms] };\n",
    );

    stageApp(root, 'demo');

    expect(staged()).toEqual(['dist/integration.js', 'index.js']);
    expect(stagedText().some((text) => text.includes('SEND_MMS_CODE'))).toBe(false);
    expect(stagedText().some((text) => text.includes('SEND_SMS_CODE'))).toBe(true);
  });

  it('leaves zapier-platform-core outside the bundle, for Zapier to install', () => {
    write('src/providers/demo/integration.ts', "import { errors } from 'zapier-platform-core';\nexport default { errors };\n");
    stageApp(root, 'demo');
    expect(readFileSync(join(root, 'apps', 'demo', 'dist', 'integration.js'), 'utf8')).toContain('require("zapier-platform-core")');
  });
});
