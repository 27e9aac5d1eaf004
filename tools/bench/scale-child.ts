import { answerAndExit, stepRunner, type StepEvent } from './invoke';

// Runs listing steps in one fresh process and reports its peak RSS.
// BENCH_SCALE: [{ name, appPath, step }] (JSON).
interface Listing {
  name: string;
  appPath: string;
  step: StepEvent;
}

async function main(): Promise<void> {
  const listings = JSON.parse(process.env.BENCH_SCALE ?? '[]') as Listing[];
  const counts: Record<string, number> = {};
  for (const listing of listings) {
    const results = await stepRunner(listing.appPath)(listing.step);
    counts[listing.name] = Array.isArray(results) ? results.length : -1;
  }
  // maxRSS is in kilobytes.
  answerAndExit({ maxRssBytes: process.resourceUsage().maxRSS * 1024, counts });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
  process.exit(1);
});
