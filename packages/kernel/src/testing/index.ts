import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
/**
 * Helpers for tests: the databases a suite runs against (SQLite always; MariaDB/MySQL when
 * TEST_MYSQL_URL is set, and required under CI), throwaway databases, tokens and recording loaders.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import DataLoader from 'dataloader';
import { DocumentNode, print } from 'graphql';
import { Principal } from '../auth/principal';
import { signUserToken, TokenKeys, signServiceToken } from '../auth/tokens';
import { checkDigit } from '../id-number';

export { TEST_DATE, TEST_YEAR, testClock } from './test-clock';

export type TestDatabaseKind = 'sqlite' | 'mysql';

export interface TestDatabase {
  readonly kind: TestDatabaseKind;
  /** mysql://… for MySQL; undefined for SQLite */
  readonly url?: string;
  /** SQLite file (or the data folder for services that take one) */
  readonly dataDir: string;
  readonly sqliteFile?: string;
  drop(): Promise<void>;
}

/** The database kinds this run covers. Under CI a missing TEST_MYSQL_URL is an error, not a skip. */
export function testDatabaseKinds(): TestDatabaseKind[] {
  const url = process.env.TEST_MYSQL_URL;
  if (!url && /^(1|true)$/i.test(process.env.CI ?? '')) {
    throw new Error('CI=true but TEST_MYSQL_URL is not set: the suite must run against MariaDB/MySQL in CI (e.g. mysql://root@127.0.0.1:3306/test)');
  }
  return url ? ['sqlite', 'mysql'] : ['sqlite'];
}

/** A fresh, empty database of `kind`, dropped by `drop()`. */
export async function createTestDatabase(kind: TestDatabaseKind, label = 'db'): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `tw-${label}-`));
  if (kind === 'sqlite') {
    return {
      kind,
      dataDir,
      sqliteFile: path.join(dataDir, `${label}.sqlite`),
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const base = new URL(process.env.TEST_MYSQL_URL!.replace(/^mariadb:/, 'mysql:'));
  const name = `tw_t_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`.slice(0, 64);
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  const mysql = await import('mysql2/promise');
  const admin = async (sql: string) => {
    const conn = await mysql.createConnection({
      host: base.hostname,
      port: Number(base.port || 3306),
      user: decodeURIComponent(base.username),
      password: decodeURIComponent(base.password),
    });
    try {
      await conn.query(sql);
    } finally {
      await conn.end();
    }
  };
  await admin(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  return {
    kind,
    url: url.toString(),
    dataDir,
    drop: async () => {
      await admin(`DROP DATABASE IF EXISTS \`${name}\``);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Fixed keys for tests (HS256). */
export function testKeys(): TokenKeys {
  return { user: { kind: 'HS256', secret: 'test-secret-test-secret-test-secret!' }, gatewaySecret: 'test-gateway-secret-test-gateway-secret' };
}

/** A bearer token for `principal` signed with the test keys. */
export function tokenFor(keys: TokenKeys, principal: Principal): string {
  if (principal.role === 'SERVICE') return signServiceToken(principal.subject.replace(/^service:/, ''), keys.gatewaySecret);
  if (keys.user.kind !== 'HS256') throw new Error('tokenFor needs HS256 keys');
  return signUserToken(principal, keys.user.secret, '1h', keys.user);
}

/**
 * A DataLoader that records the keys of each batch, to test batching.
 * @example const [loader, calls] = recordingLoader(batchFn); await Promise.all([loader.load(1), loader.load(2)]); expect(calls).toEqual([[1, 2]]);
 */
export function recordingLoader<K, V>(batch: (keys: readonly K[]) => Promise<V[]>): [DataLoader<K, V>, K[][]] {
  const calls: K[][] = [];
  const loader = new DataLoader<K, V>(async (keys) => {
    calls.push([...keys]);
    return batch(keys);
  });
  return [loader, calls];
}

export interface GraphQLAnswer<D = any> {
  data?: D;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
  extensions?: Record<string, any>;
  status: number;
}

/** Sends one GraphQL operation; typed when given a codegen TypedDocumentNode. */
export interface GraphQLClient {
  <D, V>(query: TypedDocumentNode<D, V>, variables?: V): Promise<GraphQLAnswer<D>>;
  <D = any>(query: string | DocumentNode, variables?: Record<string, unknown>): Promise<GraphQLAnswer<D>>;
}

/**
 * A small GraphQL client for tests: posts to `url` with a bearer token and, when given, the
 * gateway secret (to talk to a subgraph directly, as the gateway does).
 * @example const gql = graphqlClient(url, { token, gatewaySecret }); const r = await gql('{ schools { totalCount } }');
 */
export function graphqlClient(url: string, opts: { token?: string; gatewaySecret?: string; headers?: Record<string, string> } = {}): GraphQLClient {
  return (async (query: string | DocumentNode, variables?: unknown) => {
    const text = typeof query === 'string' ? query : print(query);
    const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.gatewaySecret) headers['x-gateway-secret'] = opts.gatewaySecret;
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: text, variables }) });
    const body = (await res.json()) as Omit<GraphQLAnswer, 'status'>;
    return { ...body, status: res.status };
  }) as GraphQLClient;
}

/**
 * A valid 居民身份证 number (GB 11643 check digit) for test data.
 * @example makeIdNumber({ birthDate: '1990-01-01', seq: 12, gender: 'FEMALE' })
 */
export function makeIdNumber(o: { area?: string; birthDate: string; seq: number; gender: 'MALE' | 'FEMALE' }): string {
  const seq2 = String(o.seq % 100).padStart(2, '0');
  const genderDigit = ((o.seq >> 0) % 5) * 2 + (o.gender === 'MALE' ? 1 : 0);
  const first17 = `${o.area ?? '410102'}${o.birthDate.replace(/-/g, '')}${seq2}${genderDigit}`;
  return first17 + checkDigit(first17);
}

/**
 * A client of one subgraph reached directly, as the gateway would reach it (with the gateway secret),
 * for any principal; each answer carries the SQL statements it made (`x-debug-sql-count`).
 * @example const as = directClient(handle.url, keys); await as({ subject: 'a', role: 'DISTRICT_ADMIN' })('{ schools { totalCount } }')
 */
export function directClient(url: string, keys: TokenKeys): (principal: Principal) => GraphQLClient {
  return (principal) => graphqlClient(url, { token: tokenFor(keys, principal), gatewaySecret: keys.gatewaySecret, headers: { 'x-debug-sql-count': '1' } });
}

export * from './load';
export * from './queries';

/**
 * The seed a fuzz test draws its inputs from: FUZZ_SEED when set (replaying a run); a new one each
 * run with FUZZ_RANDOM=1 (`npm run fuzz`); otherwise the commit's (GITHUB_SHA, else `git rev-parse
 * HEAD`) hashed, so that a local run of a commit draws what CI draws for it.
 * @example const SEED = fuzzSeed(); const r = new Random(SEED);
 */
export function fuzzSeed(env: NodeJS.ProcessEnv = process.env): number {
  if (env.FUZZ_SEED) return Number(env.FUZZ_SEED);
  if (env.FUZZ_RANDOM === '1') return Date.now() % 2 ** 31;
  let commit = env.GITHUB_SHA ?? '';
  if (!commit) {
    try {
      commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: __dirname, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      commit = 'no-commit';
    }
  }
  return createHash('sha256').update(commit).digest().readUInt32BE(0) % 2 ** 31;
}
export * from './traces';
