import { version as platformVersion } from 'zapier-platform-core';

/** Each apps/<key>/index.js replaces `version` with its own package.json version at deploy. */
export const release = { version: '0.0.0-development', platformVersion };
