/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  // Names each skipped suite and why at the end of the run (test/e2e, test/relay/workerd.test.ts).
  reporters: ['default', '<rootDir>/test/support/skipped-suites-reporter.js'],
  testTimeout: 20000,
  // zapier-platform-core exits the process once it has run 250 steps with more than 450 MB
  // resident, as on Lambda. The suite runs thousands of steps: keep files in worker processes
  // (jest would run in band on two cores) and recycle a worker that has grown.
  maxWorkers: 2,
  workerIdleMemoryLimit: '200MB',
};
