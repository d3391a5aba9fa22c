import { ArgsType, ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '../errors';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

@ObjectType({ description: 'Where a page stands in its list' })
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page' })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page' })
  after?: string;
}

/** A page of a list: the nodes, their edges with cursors, whether more follow, and the total. */
export interface Connection<T> {
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: T }>;
  readonly nodes: readonly T[];
  readonly pageInfo: PageInfo;
  /** counted only when a request asks for it */
  readonly totalCount: Promise<number>;
}

/**
 * The GraphQL type of a page of `node`s, named `<Name>Connection` with `<Name>Edge`.
 * @example export const TeacherConnection = ConnectionType(Teacher, 'Teacher'); // @Query(() => TeacherConnection)
 */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string, options: { shareable?: boolean } = {}) {
  // a connection several subgraphs define alike (the audit log's) must say it may be shared
  const shareable: ClassDecorator = options.shareable ? Directive('@shareable') : () => undefined;

  @ObjectType(`${name}Edge`)
  @shareable
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items` })
  @shareable
  class Page {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [node])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list holds' })
    totalCount!: number;
  }
  return Page;
}

export function encodeCursor(id: string): string {
  return Buffer.from(`c:${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('c:') || text.length < 3) throw badInput(`"${cursor}" is not a cursor this list gave out`);
  return text.slice(2);
}

export function pageSize(first: number | undefined | null): number {
  const n = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
    throw badInput(`first must be from 1 to ${MAX_PAGE_SIZE}; got ${n}`, { maxPageSize: MAX_PAGE_SIZE });
  }
  return n;
}

/**
 * Keyset pagination over a query builder, ordered by `<alias>.id` (ids are time-ordered UUIDv7):
 * one statement for the page, one more for `totalCount` only when asked.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
): Promise<Connection<T>> {
  const size = pageSize(args.first);
  const alias = qb.alias;
  const countQb = qb.clone();
  const pageQb = qb.clone().orderBy(`${alias}.id`, 'ASC').limit(size + 1);
  if (args.after) pageQb.andWhere(`${alias}.id > :__after`, { __after: decodeCursor(args.after) });
  const rows = await pageQb.getMany();
  return connectionOf(rows, size, () => countQb.getCount());
}

/** Builds a connection from rows already fetched (size + 1 of them when more follow). */
export function connectionOf<T extends { id: string }>(rows: T[], size: number, count: () => Promise<number>): Connection<T> {
  const hasNextPage = rows.length > size;
  const nodes = hasNextPage ? rows.slice(0, size) : rows;
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
  let total: Promise<number> | undefined;
  return {
    edges,
    nodes,
    pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    get totalCount() {
      total ??= count();
      return total;
    },
  };
}
