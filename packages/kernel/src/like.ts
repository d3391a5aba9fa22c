import { badInput } from './errors';

/** The longest text a LIKE filter takes: longer ones are refused before they reach the database (SQLite: "LIKE or GLOB pattern too complex"). */
export const MAX_LIKE_TEXT = 100;

function pattern(s: string, field: string): string {
  if (s.length > MAX_LIKE_TEXT) throw badInput(`${field} takes at most ${MAX_LIKE_TEXT} characters; got ${s.length}`, { field });
  return s.replace(/[!%_]/g, '!$&');
}

/**
 * `<column> LIKE :param ESCAPE '!'` with the pattern for text containing `s`. '!' escapes the
 * wildcards because SQLite has no default escape and MySQL reads a backslash inside a literal.
 * @example qb.andWhere(...containing('g.name', 'name', filter.nameContains))
 */
export function containing(column: string, param: string, s: string, field = param): [string, Record<string, string>] {
  return [`${column} LIKE :${param} ESCAPE '!'`, { [param]: `%${pattern(s, field)}%` }];
}

/** Like `containing`, for text starting with `s`. */
export function startingWith(column: string, param: string, s: string, field = param): [string, Record<string, string>] {
  return [`${column} LIKE :${param} ESCAPE '!'`, { [param]: `${pattern(s, field)}%` }];
}
