// One jest run covers every tier; the tier is in the file name (*.unit.spec.ts, *.int.spec.ts,
// test/*.e2e-spec.ts). ts-jest transpiles only (isolatedModules): `npm run typecheck` does the types once.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testRegex: '(\\.(unit|int)\\.spec|\\.e2e-spec)\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testTimeout: 30000,
  // libs/domain carries every rule: scripts/test fails below 95 % of its lines.
  coverageThreshold: { global: { lines: 95 } },
  collectCoverageFrom: ['libs/domain/src/**/*.ts', '!**/*.spec.ts', '!**/index.ts', '!**/*.test-kit.ts', '!**/*.fixture.ts', '!**/*.arbitraries.ts'],
};
