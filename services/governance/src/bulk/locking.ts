import { EntityManager } from 'typeorm';

/**
 * Read options that lock what a plan reads to decide a rule (the ethics result and violations behind
 * a veto, the appraisal an ethics 不合格 forces) until the write commits. On MySQL/MariaDB this is
 * SELECT … FOR UPDATE, whose gap locks also hold back a concurrent insert for the same teachers; so
 * an award import and a violation import running together cannot each miss the other. SQLite runs
 * one writer at a time already (and TypeORM offers it no row locks).
 */
export function lockedRead(m: EntityManager): { lock?: { mode: 'pessimistic_write' } } {
  return m.connection.options.type === 'mysql' ? { lock: { mode: 'pessimistic_write' } } : {};
}
