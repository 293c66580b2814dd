// Three layers (ARCHITECTURE.md): unit tests need nothing; workflow and integration
// tests run against the real Temporal dev server and database server that the global
// set-up starts or reuses, in a namespace and a database of their own; browser tests drive
// the web UI in Chromium against the built apps on those servers.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const shared = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
};

module.exports = {
  transform: shared.transform,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,activities,workflows,scripts}/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'workflow',
      testMatch: ['<rootDir>/test/workflow/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/server-tests.setup.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/server-tests.setup.ts'],
    },
    {
      // The web UI in Chromium against the four built apps as child processes (web-stack.ts).
      ...shared,
      displayName: 'browser',
      testEnvironment: '<rootDir>/test/support/browser-environment.js',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/server-tests.setup.ts'],
    },
  ],
};
