export { startSandbox, type Sandbox, type SandboxState, type SandboxUrls } from './server';
export { banner, envBlocks } from './banner';
export { SANDBOX_CREDENTIALS } from './credentials';
