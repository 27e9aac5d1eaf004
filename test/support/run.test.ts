import { defineApp, defineCreate } from 'zapier-platform-core';
import { release } from '../../src/core/release';
import { runner } from './run';

const echo = defineCreate({
  key: 'echo',
  noun: 'Echo',
  display: { label: 'Echo', description: 'Returns the input it was given.' },
  operation: { perform: async (_z, bundle) => ({ ...bundle.inputData, cached: await _z.cache.get('seen') }) },
});
const run = runner(defineApp({ ...release, creates: { echo } }));

describe('the test runner', () => {
  it("runs an operation by its key through Zapier's runtime", async () => {
    await expect(run.create('echo', { inputData: { text: 'Hi' } })).resolves.toEqual({ text: 'Hi', cached: null });
  });

  it('names the function a test asked for when the integration lacks it', async () => {
    await expect(run.create('send_fax')).rejects.toThrow('The integration has no function at creates.send_fax.operation.perform.');
    await expect(run.subscribe('echo')).rejects.toThrow('The integration has no function at triggers.echo.operation.performSubscribe.');
  });

  it("runs a test's own function inside the integration's runtime, z.cache included", async () => {
    await run.inZap(async (z) => z.cache.set('seen', 'yes'));
    await expect(run.create('echo')).resolves.toEqual({ cached: 'yes' });
    await expect(run.create('echo', {}, { freshCache: true })).resolves.toEqual({ cached: null });
  });

  it('refuses a function that sits at two keys, since the runtime would run it as the other one', async () => {
    const shared = defineCreate({ ...echo, key: 'shared', operation: { perform: async () => ({}) } });
    const twice = runner(defineApp({ ...release, creates: { shared, again: { ...shared, key: 'again' } } }));
    await expect(twice.create('shared')).rejects.toThrow(
      'The function at creates.shared.operation.perform also sits at creates.again.operation.perform: give each its own function.',
    );
  });
});
