import type { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLObjectType,
  GraphQLSchema,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';

/** The limits the gateway holds every request to (OWASP GraphQL guidance). */
export interface RequestLimits {
  /** deepest nesting of selections, fragments expanded */
  readonly maxDepth: number;
  /** estimated cost: each field costs 1 times the number of parents it is asked for */
  readonly maxCost: number;
  readonly maxAliases: number;
  /** operation definitions in one document */
  readonly maxOperations: number;
  /** what a list field without `first` is assumed to return */
  readonly assumedListSize: number;
  /** what a connection without `first` returns (the subgraphs' default page size) */
  readonly defaultPageSize: number;
}

export const DEFAULT_LIMITS: RequestLimits = {
  maxDepth: 12,
  maxCost: 200_000,
  maxAliases: 30,
  maxOperations: 5,
  assumedListSize: 10,
  defaultPageSize: 50,
};

export interface DocumentMeasure {
  depth: number;
  cost: number;
  aliases: number;
  operations: number;
}

const CONNECTION_PARTS = new Set(['edges', 'nodes']);

/**
 * Measures a document against the schema: depth, aliases, operations, and a cost in which a list
 * field multiplies what is asked beneath it by its page size (`first`, else the default).
 */
export function measureDocument(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, limits = DEFAULT_LIMITS): DocumentMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let depth = 0;
  let aliases = 0;
  let cost = 0;
  let operations = 0;

  type Parent = GraphQLObjectType | GraphQLInterfaceType | null;
  const walk = (set: SelectionSetNode, parent: Parent, level: number, multiplier: number, seen: Set<string>, parentIsConnection: boolean) => {
    depth = Math.max(depth, level);
    for (const sel of set.selections) {
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value);
        // a fragment spread inside itself is invalid GraphQL; stop rather than loop
        if (!frag || seen.has(frag.name.value)) continue;
        const typed = schema.getType(frag.typeCondition.name.value);
        walk(frag.selectionSet, isObjectType(typed) || isInterfaceType(typed) ? typed : parent, level, multiplier, new Set([...seen, frag.name.value]), parentIsConnection);
        continue;
      }
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const typed = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        walk(sel.selectionSet, isObjectType(typed) || isInterfaceType(typed) ? typed : parent, level, multiplier, seen, parentIsConnection);
        continue;
      }
      // introspection is bounded by the schema itself (and off in production): tools' deep
      // introspection queries must not trip the limits
      if (sel.name.value.startsWith('__')) continue;
      if (sel.alias) aliases++;
      cost += multiplier;
      if (!sel.selectionSet) continue;
      const def = parent?.getFields()[sel.name.value];
      const type = def ? getNullableType(def.type) : null;
      const named = type ? getNamedType(type) : null;
      const isConnection = !!named && /Connection$/.test(named.name);
      let size = 1;
      const firstArg = sel.arguments?.find((a) => a.name.value === 'first');
      const first = firstArg ? Number(valueFromASTUntyped(firstArg.value, variables)) : NaN;
      if (isConnection) size = Number.isFinite(first) ? first : limits.defaultPageSize;
      else if (type && isListType(type as GraphQLList<never>)) {
        size = parentIsConnection && CONNECTION_PARTS.has(sel.name.value) ? 1 : Number.isFinite(first) ? first : limits.assumedListSize;
      }
      const next = named && (isObjectType(named) || isInterfaceType(named)) ? named : null;
      walk(sel.selectionSet, next, level + 1, multiplier * Math.max(1, size), seen, isConnection);
    }
  };

  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    operations++;
    const root = d.operation === 'query' ? schema.getQueryType() : d.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    walk(d.selectionSet, root ?? null, 1, 1, new Set(), false);
  }
  return { depth, cost, aliases, operations };
}

function refuse(code: string, message: string, details: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details, http: { status: 400 } } });
}

/** An Apollo Server plugin that refuses documents over the limits, each with a clear code. */
export function requestLimitsPlugin(limits: RequestLimits = DEFAULT_LIMITS): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, request }) {
          const m = measureDocument(schema, document, request.variables ?? {}, limits);
          if (m.operations > limits.maxOperations) {
            throw refuse('TOO_MANY_OPERATIONS', `A request may hold at most ${limits.maxOperations} operations; this one holds ${m.operations}`, { limit: limits.maxOperations, actual: m.operations });
          }
          if (m.depth > limits.maxDepth) {
            throw refuse('QUERY_TOO_DEEP', `The query nests ${m.depth} levels deep; at most ${limits.maxDepth} are allowed`, { limit: limits.maxDepth, actual: m.depth });
          }
          if (m.aliases > limits.maxAliases) {
            throw refuse('TOO_MANY_ALIASES', `The query uses ${m.aliases} aliases; at most ${limits.maxAliases} are allowed`, { limit: limits.maxAliases, actual: m.aliases });
          }
          if (m.cost > limits.maxCost) {
            throw refuse(
              'QUERY_TOO_COSTLY',
              `The query's estimated cost is ${m.cost} (each field times the page sizes above it); at most ${limits.maxCost} is allowed: ask for smaller pages or fewer fields`,
              { limit: limits.maxCost, actual: m.cost },
            );
          }
        },
      };
    },
  };
}
