// One jest run over every workspace's test/ folder. TypeScript goes through swc, which keeps the
// decorator metadata type-graphql and TypeORM read; workspace packages resolve to their sources,
// so tests never need a build first.
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/services', '<rootDir>/gateway', '<rootDir>/schema', '<rootDir>/importer', '<rootDir>/test', '<rootDir>/console'],
  testMatch: ['**/test/**/*.test.ts', '**/test/**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }],
    // the console's components (React, automatic JSX runtime)
    '^.+\\.tsx$': ['@swc/jest', { ...swc, swcrc: false, jsc: { ...swc.jsc, parser: { ...swc.jsc.parser, tsx: true }, transform: { ...swc.jsc.transform, react: { runtime: 'automatic' } } } }],
    // Ant Design's few ES-module-only packages, which its CommonJS builds require
    '^.+\\.js$': ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' }, swcrc: false }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@ant-design|@rc-component)/)'],
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
    // the console bundles the kernel's code tables from their source; its tests read the same
    '^@tw/kernel/codes$': '<rootDir>/packages/kernel/src/codes/index.ts',
    '^@tw/kernel/data-gaps$': '<rootDir>/packages/kernel/src/reports/data-gaps.ts',
  },
  setupFiles: ['reflect-metadata'],
  testTimeout: 120000,
  maxWorkers: 2,
};
