import { defineApp, defineCreate, defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { release } from '../../src/core/release';

type Step<Result> = (z: ZObject, bundle: Bundle) => Promise<Result>;

interface Steps {
  creates?: Record<string, Step<unknown>>;
  searches?: Record<string, Step<object[]>>;
  authentication?: Parameters<typeof defineApp>[0]['authentication'];
}

/** "post_note" → "Post Note". */
const labelOf = (key: string) =>
  key.replace(/(^|_)([a-z])/g, (_match, gap: string, letter: string) => `${gap ? ' ' : ''}${letter.toUpperCase()}`);

/**
 * A small integration around a test's own functions, each a create or a search under its key, for
 * running core code through Zapier's runtime with `runner(appOf({ creates: { post_note } }))`.
 */
export function appOf({ creates = {}, searches = {}, authentication }: Steps) {
  const operation = <Result>(key: string, perform: Step<Result>) => ({
    key,
    noun: labelOf(key),
    display: { label: labelOf(key), description: `Runs the test's ${key} function.` },
    operation: { perform },
  });
  return defineApp({
    ...release,
    ...(authentication ? { authentication } : {}),
    creates: Object.fromEntries(Object.entries(creates).map(([key, perform]) => [key, defineCreate(operation(key, perform))])),
    searches: Object.fromEntries(Object.entries(searches).map(([key, perform]) => [key, defineSearch(operation(key, perform))])),
  });
}
