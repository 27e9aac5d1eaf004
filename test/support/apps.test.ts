import { appOf } from './apps';
import { runner } from './run';

describe('appOf: a small integration around a test’s own functions', () => {
  const app = appOf({
    creates: { post_note: async (_z, bundle) => ({ posted: bundle.inputData.text }) },
    searches: { find_note: async () => [{ id: 'n-1' }] },
  });

  it('runs each function as the create or the search of its key', async () => {
    const run = runner(app);
    await expect(run.create('post_note', { inputData: { text: 'Hi' } })).resolves.toEqual({ posted: 'Hi' });
    await expect(run.search('find_note')).resolves.toEqual([{ id: 'n-1' }]);
    await expect(run.create('find_note')).rejects.toThrow('The integration has no function at creates.find_note.operation.perform.');
  });

  it('labels each step after its key', () => {
    expect([app.creates?.post_note?.display.label, app.searches?.find_note?.display.label]).toEqual(['Post Note', 'Find Note']);
  });
});
