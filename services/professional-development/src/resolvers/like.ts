/**
 * `<column> LIKE :param ESCAPE '!'` with the pattern for text containing `s`. '!' escapes the
 * wildcards because SQLite has no default escape and MySQL reads a backslash inside a literal.
 * @example qb.andWhere(...containing('g.name', 'name', filter.nameContains))
 */
export function containing(column: string, param: string, s: string): [string, Record<string, string>] {
  return [`${column} LIKE :${param} ESCAPE '!'`, { [param]: `%${s.replace(/[!%_]/g, '!$&')}%` }];
}
