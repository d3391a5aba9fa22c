import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { Fen, formatYuan, parseYuan } from './fen';

function refuse(value: unknown): never {
  throw new GraphQLError(`Yuan must be an amount in yuan with at most two decimals, as a string ("12345.67") or a number; got ${JSON.stringify(value)}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

function parse(value: unknown): Fen {
  // a number is read as the shortest text that gives it back, so 0.1 + 0.2 (0.30000000000000004) is refused
  const text = typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
  const fen = text === undefined ? null : parseYuan(text);
  return fen === null ? refuse(value) : fen;
}

/**
 * Money in yuan (元), exact to the fen. Answers are decimal strings with two decimals ("12345.67",
 * "-0.50"); inputs are a string or a number with at most two decimals, and anything more precise
 * is refused rather than rounded. Resolvers hold the amount as integer fen in a `bigint`.
 * @example @Field(() => Yuan) annualIncome!: Fen;
 */
export const Yuan = new GraphQLScalarType<Fen, string>({
  name: 'Yuan',
  description:
    'An amount of money in yuan (元), exact to the fen. Written as a decimal string with two decimals ("12345.67"); accepted as a string or a number with at most two decimals (a third decimal is refused, never rounded).',
  serialize(value) {
    if (typeof value !== 'bigint') throw new TypeError(`Yuan answers integer fen held in a bigint; a resolver gave ${typeof value} ${String(value)}`);
    return formatYuan(value);
  },
  parseValue: parse,
  parseLiteral(ast) {
    // the literal's own text, so 1.005 is refused as written instead of as a float
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) {
      const fen = parseYuan(ast.value);
      return fen === null ? refuse(ast.value) : fen;
    }
    return refuse(ast.kind);
  },
});
