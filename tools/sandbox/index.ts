export { startSandbox, type Sandbox, type SandboxState, type SandboxUrls } from './server';
export { banner, envBlocks, integrationEnvironment } from './banner';
export { SANDBOX_CREDENTIALS } from './credentials';
