import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, parse } from 'graphql';
import { buildSchema, BuildSchemaOptions, createResolversMap } from 'type-graphql';
import { LocalDate, YearMonth } from './scalars';
import { authChecker } from './context';

/** The federation spec every subgraph links, and what it imports from it. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@override"])';

export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any, info: any) => unknown }>;

export interface FederatedSchemaOptions extends Pick<BuildSchemaOptions, 'resolvers' | 'orphanedTypes'> {
  /** `__resolveReference` per entity type this subgraph resolves */
  readonly referenceResolvers?: ReferenceResolvers;
}

/**
 * Builds a subgraph schema from type-graphql classes: the type-graphql schema is printed with its
 * directives (`@key`, `@external`…), linked to federation v2, and rebuilt by @apollo/subgraph with
 * type-graphql's resolvers (so `@Authorized` and validation still apply) plus the reference resolvers.
 * @example const schema = await buildFederatedSchema({ resolvers: [TeacherResolver], referenceResolvers: { Teacher: { __resolveReference } } });
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  const tgSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    scalarsMap: [],
    authChecker,
    authMode: 'error',
    validate: false,
    skipCheck: true,
    emitSchemaFile: false,
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(tgSchema)}`;
  const resolvers = createResolversMap(tgSchema) as GraphQLResolverMap<unknown>;
  for (const [type, ref] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[type] = { ...(resolvers[type] as object), ...ref } as never;
  }
  resolvers.LocalDate = LocalDate as never;
  resolvers.YearMonth = YearMonth as never;
  return buildSubgraphSchema({ typeDefs: parse(sdl), resolvers });
}

/** The subgraph SDL the compose script reads and `_service { sdl }` answers. */
export function subgraphSdl(schema: GraphQLSchema): string {
  return `${printSubgraphSchema(schema).trim()}\n`;
}
