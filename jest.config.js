// One jest run over every workspace's test/ folder. TypeScript goes through swc, which keeps the
// decorator metadata type-graphql and TypeORM read; workspace packages resolve to their sources,
// so tests never need a build first.
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/services', '<rootDir>/gateway', '<rootDir>/schema', '<rootDir>/importer', '<rootDir>/test'],
  testMatch: ['**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleNameMapper: {
    '^@tw/kernel$': '<rootDir>/packages/kernel/src/index.ts',
    '^@tw/kernel/testing$': '<rootDir>/packages/kernel/src/testing/index.ts',
    '^@tw/kernel/launcher$': '<rootDir>/packages/kernel/src/launcher/index.ts',
    '^@tw/personnel$': '<rootDir>/services/personnel/src/index.ts',
    '^@tw/professional-development$': '<rootDir>/services/professional-development/src/index.ts',
    '^@tw/compensation$': '<rootDir>/services/compensation/src/index.ts',
    '^@tw/governance$': '<rootDir>/services/governance/src/index.ts',
    '^@tw/demo$': '<rootDir>/packages/demo/src/index.ts',
    '^@tw/test$': '<rootDir>/test/src/index.ts',
    '^@tw/gateway$': '<rootDir>/gateway/src/index.ts',
    '^@tw/schema$': '<rootDir>/schema/src/index.ts',
    '^@tw/importer$': '<rootDir>/importer/src/index.ts',
  },
  setupFiles: ['reflect-metadata'],
  testTimeout: 120000,
  maxWorkers: 2,
};
