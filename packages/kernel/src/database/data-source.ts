import fs from 'node:fs';
import path from 'node:path';
import { DataSource, DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { ConfigError } from '../errors';
import { instrumentDataSource } from '../telemetry/sql';
import { CountingLogger } from './counting-logger';

/* eslint-disable @typescript-eslint/no-unsafe-function-type */
type EntityList = MixedList<Function | string | EntitySchema>;
type MigrationList = MixedList<Function | string>;

export interface DatabaseOptions {
  /** the service's name: names the SQLite file and the log lines */
  readonly service: string;
  /** mysql://user:pass@host:port/db — when absent, an embedded SQLite file is used */
  readonly url?: string;
  /** folder of the SQLite files (ignored with a URL) */
  readonly dataDir: string;
  /** overrides the SQLite file (tests use a temporary one) */
  readonly sqliteFile?: string;
  readonly entities: EntityList;
  readonly migrations: MigrationList;
  /** print every statement (LOG_SQL=1) */
  readonly logSql?: boolean;
}

export type DatabaseKind = 'mysql' | 'sqlite';

export function databaseKind(ds: DataSource): DatabaseKind {
  return ds.options.type === 'mysql' ? 'mysql' : 'sqlite';
}

/** The statement counter of a data source opened by `openDatabase`. */
export function statementCounter(ds: DataSource): CountingLogger {
  const logger = ds.logger;
  if (!(logger instanceof CountingLogger)) throw new Error('This data source was not opened by openDatabase');
  return logger;
}

/** TypeORM options for a service's database; exported so the TypeORM CLI can generate migrations. */
export function dataSourceOptions(o: DatabaseOptions): DataSourceOptions {
  const logger = new CountingLogger(o.service, o.logSql);
  const common = { entities: o.entities, migrations: o.migrations, synchronize: false, logger, migrationsTransactionMode: 'each' as const };
  if (o.url) {
    return {
      ...common,
      type: 'mysql',
      url: o.url.replace(/^mariadb:/, 'mysql:'),
      charset: 'utf8mb4_bin',
      timezone: 'Z',
      // DATE columns stay 'YYYY-MM-DD' strings, as on SQLite: no time zone can shift a birth date.
      dateStrings: ['DATE'],
      supportBigNumbers: true,
      bigNumberStrings: true,
      poolSize: 10,
      connectTimeout: 10_000,
    };
  }
  const file = o.sqliteFile ?? path.join(o.dataDir, `${o.service}.sqlite`);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: file,
    enableWAL: file !== ':memory:',
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  };
}

/**
 * Opens a service's database and brings its schema up to date with the service's migrations.
 * On MySQL/MariaDB the database is created first when it does not exist (utf8mb4, binary collation,
 * so that comparisons match SQLite's).
 * @example const ds = await openDatabase({ service: 'personnel', url: cfg.databaseUrl, dataDir, entities, migrations });
 */
export async function openDatabase(o: DatabaseOptions): Promise<DataSource> {
  if (o.url) await ensureMysqlDatabase(o.url);
  const ds = new DataSource(dataSourceOptions(o));
  await ds.initialize();
  instrumentDataSource(ds, o.service);
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}

/** Creates the database named in a mysql:// URL when it is missing. */
export async function ensureMysqlDatabase(url: string): Promise<void> {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) {
    throw new ConfigError(`The database URL ${u.protocol}//${u.host}/${name} must name a database made of letters, digits and _`);
  }
  const mysql = await import('mysql2/promise');
  const conn = await mysql.createConnection({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    connectTimeout: 10_000,
  });
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await conn.end();
  }
}

/** Whether the database answers: what `/ready` reports. */
export async function pingDatabase(ds: DataSource, timeoutMs = 2000): Promise<boolean> {
  if (!ds.isInitialized) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      ds.query('SELECT 1'),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
