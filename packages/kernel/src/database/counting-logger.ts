import type { Logger, QueryRunner } from 'typeorm';
import { currentRequestScope } from '../request-scope';

/**
 * A TypeORM logger that counts every SQL statement: in total, and on the request being served
 * (see request-scope). Tests and benchmarks read the counts; `debug` also prints each statement.
 */
export class CountingLogger implements Logger {
  total = 0;

  constructor(private readonly service: string, private readonly debug = false) {}

  logQuery(query: string, parameters?: unknown[], _queryRunner?: QueryRunner): void {
    this.total++;
    const scope = currentRequestScope();
    if (scope) scope.sqlStatements++;
    if (this.debug) process.stderr.write(`[${this.service}] ${query}${parameters?.length ? ` -- ${JSON.stringify(parameters)}` : ''}\n`);
  }

  logQueryError(error: string | Error, query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    if (this.debug) process.stderr.write(`[${this.service}] failed: ${query}: ${String(error)}\n`);
  }

  logQuerySlow(time: number, query: string): void {
    if (this.debug) process.stderr.write(`[${this.service}] slow (${time} ms): ${query}\n`);
  }

  logSchemaBuild(): void {}
  logMigration(message: string): void {
    if (this.debug) process.stderr.write(`[${this.service}] ${message}\n`);
  }
  log(): void {}
}
