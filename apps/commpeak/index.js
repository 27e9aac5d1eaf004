// The deployable CommPeak SMS Streams integration: the compiled definition, staged here by `npm run build`.
const { version } = require('./package.json');
const { version: platformVersion } = require('zapier-platform-core');
const definition = require('./dist/src/providers/commpeak/integration').default;

module.exports = { ...definition, version, platformVersion };
