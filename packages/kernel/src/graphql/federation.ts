import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, parse } from 'graphql';
import { buildSchema, BuildSchemaOptions, createResolversMap } from 'type-graphql';
import { LocalDate, YearMonth } from './scalars';
import { authChecker } from './context';
import { FIGURE_DIRECTIVE, FIGURE_DIRECTIVES_SDL, FIGURE_ROW_DIRECTIVE, FIGURE_SPEC_URL } from './figure';

/**
 * The federation spec every subgraph links, and what it imports from it; and the figure directives,
 * linked and composed so that they reach the supergraph (federation drops custom directives otherwise).
 */
export const FEDERATION_LINK = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@override", "@composeDirective"])
  @link(url: "${FIGURE_SPEC_URL}", import: ["@${FIGURE_DIRECTIVE}", "@${FIGURE_ROW_DIRECTIVE}"])
  @composeDirective(name: "@${FIGURE_DIRECTIVE}")
  @composeDirective(name: "@${FIGURE_ROW_DIRECTIVE}")`;

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
  const sdl = `${FEDERATION_LINK}\n\n${FIGURE_DIRECTIVES_SDL}\n\n${printSchemaWithDirectives(tgSchema)}`;
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
