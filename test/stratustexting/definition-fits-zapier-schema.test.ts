import integration from '../../src/providers/stratustexting/integration';

// The check `zapier validate` makes, with core's own tools: Zapier refuses to deploy a definition
// its schema rejects, e.g. a field of a type it does not know.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compileApp, validateApp } = require('zapier-platform-core/src/tools/schema');

it("StratusTexting's definition fits Zapier's app schema", () => {
  expect(validateApp(compileApp(integration))).toEqual([]);
});
