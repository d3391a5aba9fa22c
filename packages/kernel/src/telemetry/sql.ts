import { SpanKind } from '@opentelemetry/api';
import type { DataSource, QueryRunner } from 'typeorm';
import { databasePoolInUse, databasePoolSize, onScrape } from './metrics';
import { tracingEnabled, withSpan } from './tracing';

const INSTRUMENTED = Symbol('tw.instrumented');

/** The first keyword of a statement and the table it names, for a span: never the statement's values. */
export function describeStatement(sql: string): { operation: string; table?: string } {
  const text = sql.trimStart();
  const operation = (/^[A-Za-z]+/.exec(text)?.[0] ?? 'SQL').toUpperCase();
  const table = /^(?:SELECT\b[\s\S]*?\bFROM|INSERT\s+(?:IGNORE\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+[`"]?(\w+)/i.exec(text)?.[1];
  return table ? { operation, table } : { operation };
}

interface MysqlPoolLike {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
}

/**
 * Instruments a data source: each statement becomes a span (`SQL SELECT`, with the table and the
 * database kind, never the statement's text or parameters) when tracing is on and a request's span
 * is running, and the pool gauges read the connections in use at each scrape.
 * openDatabase calls it; a test's own DataSource can too.
 */
export function instrumentDataSource(ds: DataSource, service: string): void {
  const system = ds.options.type === 'mysql' ? 'mysql' : 'sqlite';
  let running = 0;
  const driver = ds.driver as unknown as { createQueryRunner(mode?: string): QueryRunner; pool?: MysqlPoolLike };
  const create = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode?: string) => {
    const runner = create(mode) as QueryRunner & { [INSTRUMENTED]?: true };
    if (runner[INSTRUMENTED]) return runner;
    runner[INSTRUMENTED] = true;
    const query = runner.query.bind(runner) as (q: string, p?: unknown[], s?: boolean) => Promise<unknown>;
    (runner as { query: typeof query }).query = async (q: string, p?: unknown[], s?: boolean) => {
      running++;
      try {
        if (!tracingEnabled()) return await query(q, p, s);
        const { operation, table } = describeStatement(q);
        return await withSpan(
          `SQL ${operation}${table ? ` ${table}` : ''}`,
          { 'db.system': system, 'db.operation.name': operation, ...(table ? { 'db.collection.name': table } : {}), 'tw.service': service },
          () => query(q, p, s),
          { kind: SpanKind.CLIENT },
        );
      } finally {
        running--;
      }
    };
    return runner;
  };
  const off = onScrape(() => {
    if (!ds.isInitialized) {
      databasePoolInUse.set({ service }, 0);
      databasePoolSize.set({ service }, 0);
      return;
    }
    const pool = driver.pool;
    if (system === 'mysql' && pool?._allConnections && pool._freeConnections) {
      databasePoolSize.set({ service }, pool._allConnections.length);
      databasePoolInUse.set({ service }, pool._allConnections.length - pool._freeConnections.length);
    } else {
      databasePoolSize.set({ service }, 1);
      databasePoolInUse.set({ service }, Math.min(1, running));
    }
  });
  const destroy = ds.destroy.bind(ds);
  ds.destroy = async () => {
    off();
    await destroy();
  };
}
