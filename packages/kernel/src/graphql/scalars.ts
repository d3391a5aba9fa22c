import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isIsoDate } from '../clock';

function stringScalar(name: string, description: string, pattern: RegExp, check: (s: string) => boolean, example: string) {
  const parse = (value: unknown): string => {
    if (typeof value !== 'string' || !pattern.test(value) || !check(value)) {
      throw new GraphQLError(`${name} must be written ${example}; got ${JSON.stringify(value)}`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return value;
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: (v) => v,
    parseValue: parse,
    parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

/** A calendar date without time or zone, `YYYY-MM-DD`: birth dates, sanction dates. */
export const LocalDate = stringScalar('LocalDate', 'A calendar date, YYYY-MM-DD', /^\d{4}-\d{2}-\d{2}$/, isIsoDate, 'YYYY-MM-DD, e.g. "2019-09-01"');

/** A month, `YYYY-MM`: the 年月 columns of the national templates (参加工作年月…). */
export const YearMonth = stringScalar(
  'YearMonth',
  'A month, YYYY-MM',
  /^\d{4}-\d{2}$/,
  (s) => Number(s.slice(5)) >= 1 && Number(s.slice(5)) <= 12,
  'YYYY-MM, e.g. "2019-09"',
);
