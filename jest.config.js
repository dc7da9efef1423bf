/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/reporters/'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type-checking is done once for the whole tree by `npm run typecheck` (npm test's pretest),
    // so each test file is only transpiled here (isolatedModules).
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  // The function bundle resolves 'unzipper' to its Parse alone (infra/pack-function.ts);
  // the tests do the same, so they read workbooks with the code that is deployed.
  moduleNameMapper: { '^unzipper$': '<rootDir>/functions/bundle/unzipper-parse-only.js' },
  setupFilesAfterEnv: ['<rootDir>/test/support/fast-check-seed.ts'],
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/reporters/plain-summary.js'],
};
