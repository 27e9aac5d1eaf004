// The deployable StratusTexting integration: the definition bundled into dist/integration.js by `npm run build`.
const { version } = require('./package.json');
const { version: platformVersion } = require('zapier-platform-core');
const definition = require('./dist/integration').default;

module.exports = { ...definition, version, platformVersion };
