import { ValueTransformer } from 'typeorm';
import { bigintFromSql, Fen } from './fen';

/**
 * A `bigint` column of fen as a JS `bigint`: written as decimal text (exact on both drivers),
 * read back from mysql2's string or better-sqlite3's number.
 */
export const fenColumn: ValueTransformer = {
  to: (value: Fen | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: unknown): Fen | null => (value === null || value === undefined ? null : bigintFromSql(value)),
};
