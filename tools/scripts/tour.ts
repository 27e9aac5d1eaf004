import { startSandbox } from '../sandbox';
import { commPeakTour } from '../tour/commpeak';
import { faultsTour } from '../tour/faults';
import { guardsTour } from '../tour/guards';
import { smsExtensionTour } from '../tour/sms-extension';
import { stratusTextingTour } from '../tour/stratustexting';
import { Transcript } from '../tour/transcript';

// The tour: every integration driven through Zapier's runtime against the sandbox, on loopback.
async function main(): Promise<number> {
  const started = performance.now();
  const sandbox = await startSandbox({ port: 0 });
  console.log(`Sandbox at ${sandbox.url} (in memory; it stops with the tour).`);
  const transcript = new Transcript();
  try {
    await stratusTextingTour(sandbox, transcript);
    await commPeakTour(sandbox, transcript);
    await smsExtensionTour(sandbox, transcript);
    await faultsTour(sandbox, transcript);
    await guardsTour(sandbox, transcript);
  } finally {
    await sandbox.idle();
    await sandbox.close();
  }
  const failed = transcript.failures.length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\n${transcript.steps.length - failed} passed, ${failed} failed (${seconds} s)`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (cause: unknown) => {
    console.error(cause);
    process.exit(1);
  },
);
