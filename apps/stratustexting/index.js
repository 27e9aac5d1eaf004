// The deployable StratusTexting integration: the compiled definition, staged here by `npm run build`.
const { version } = require('./package.json');
const { version: platformVersion } = require('zapier-platform-core');
const definition = require('./dist/src/providers/stratustexting/integration').default;

module.exports = { ...definition, version, platformVersion };
