import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  GraphQLField,
  GraphQLInterfaceType,
  GraphQLObjectType,
  GraphQLSchema,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  parse,
  SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';

/** The limits the gateway holds every request to (OWASP GraphQL guidance). */
export interface RequestLimits {
  /** deepest nesting of selections, fragments expanded */
  readonly maxDepth: number;
  /** estimated cost: each field (`__typename` included) costs 1 times the number of parents it is asked for */
  readonly maxCost: number;
  /** aliases in a document, `__typename` ones included */
  readonly maxAliases: number;
  /** operation definitions in one document */
  readonly maxOperations: number;
  /** lexical tokens in a document: a longer one is refused while it is being parsed, before validation */
  readonly maxTokens: number;
  /** what a list field with no `first`, no list argument and no year range is assumed to return */
  readonly assumedListSize: number;
  /** the largest page a connection answers: what a connection without `first` is counted at, and the cap on `first` */
  readonly maxPageSize: number;
  /** what each item of these types costs on top of its fields: a district report is a full set of SQL aggregates per year */
  readonly typeWeights: Readonly<Record<string, number>>;
  /**
   * variable coercion errors at which a request is refused: @apollo/gateway coerces variables with no
   * cap, one error (and its stack trace) per missing field per list item, so 100 KB of `{}` rows
   * would hold the gateway's event loop for seconds and answer megabytes of errors
   */
  readonly maxVariableErrors: number;
}

export const DEFAULT_LIMITS: RequestLimits = {
  maxDepth: 12,
  maxCost: 200_000,
  maxAliases: 30,
  maxOperations: 5,
  maxTokens: 5_000,
  assumedListSize: 10,
  maxPageSize: 1_000,
  typeWeights: { DistrictReport: 1_000 },
  maxVariableErrors: 50,
};

export interface DocumentMeasure {
  depth: number;
  cost: number;
  aliases: number;
  operations: number;
}

const CONNECTION_PARTS = new Set(['edges', 'nodes']);
/** introspection fields whose subtree is bounded by the schema (and off in production) */
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

type Parent = GraphQLObjectType | GraphQLInterfaceType | null;

/**
 * How many items a list field can return, at most, as asked: `first` (capped at the page maximum),
 * else the longest list argument (`teachersByIds(ids)` returns one item per id), else a year range
 * (`districtReports(fromYear, toYear)`), else the page maximum for a connection, else the assumed size.
 */
function listSize(sel: FieldNode, def: GraphQLField<unknown, unknown> | undefined, isConnection: boolean, variables: Record<string, unknown>, limits: RequestLimits): number {
  const args = new Map<string, unknown>();
  for (const a of sel.arguments ?? []) {
    try {
      args.set(a.name.value, valueFromASTUntyped(a.value, variables));
    } catch {
      // an argument that does not evaluate is left to validation
    }
  }
  const first = Number(args.get('first'));
  if (args.has('first') && Number.isFinite(first)) return Math.min(Math.max(first, 0), limits.maxPageSize);
  let longest = -1;
  for (const [name, value] of args) {
    const argDef = def?.args.find((a) => a.name === name);
    if (Array.isArray(value) && (!argDef || isListType(getNullableType(argDef.type)))) longest = Math.max(longest, value.length);
  }
  if (longest >= 0) return longest;
  const from = Number(args.get('fromYear'));
  const to = Number(args.get('toYear'));
  if (Number.isInteger(from) && Number.isInteger(to)) return Math.max(1, to - from + 1);
  return isConnection ? limits.maxPageSize : limits.assumedListSize;
}

/**
 * Measures a document against the schema: depth, aliases, operations, and a cost in which every
 * field costs 1 (`__typename` too) and a list field multiplies what is asked beneath it by the
 * most items it can return.
 */
export function measureDocument(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, limits = DEFAULT_LIMITS): DocumentMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let depth = 0;
  let aliases = 0;
  let cost = 0;
  let operations = 0;

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
      // every field counts, `__typename` and its aliases included: each is one more value in the answer
      if (sel.alias) aliases++;
      cost += multiplier;
      // a tool's introspection query is deep but bounded by the schema itself: its subtree is not walked
      if (!sel.selectionSet || INTROSPECTION_ROOTS.has(sel.name.value)) continue;
      const def = parent?.getFields()[sel.name.value];
      const type = def ? getNullableType(def.type) : null;
      const named = type ? getNamedType(type) : null;
      const isConnection = !!named && /Connection$/.test(named.name);
      let size = 1;
      if (isConnection) size = listSize(sel, def, true, variables, limits);
      else if (type && isListType(type)) size = parentIsConnection && CONNECTION_PARTS.has(sel.name.value) ? 1 : listSize(sel, def, false, variables, limits);
      const weight = named ? (limits.typeWeights[named.name] ?? 0) : 0;
      cost += multiplier * Math.max(1, size) * weight;
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

/** Why a document was refused: a stable code, the message a person reads, and the figures. */
export interface LimitRefusal {
  readonly code: string;
  readonly message: string;
  readonly limit: number;
  readonly actual?: number;
  /** the errors found before the refusal (the first variable coercion errors), answered ahead of it */
  readonly errors?: readonly GraphQLError[];
}

/** The operation a request runs: the one named, else the document's only one (null when that is not clear: Apollo answers it). */
function operationOf(document: DocumentNode, operationName: unknown): OperationDefinitionNode | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (typeof operationName === 'string' && operationName) return operations.find((o) => o.name?.value === operationName) ?? null;
  return operations.length === 1 ? operations[0] : null;
}

/**
 * Coerces a request's variables against the schema, stopping at `maxErrors`: answers the errors when
 * there are more than that, else null (fewer errors are Apollo's to answer, in its own words).
 */
function tooManyVariableErrors(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>, maxErrors: number): readonly GraphQLError[] | null {
  const definitions = operation.variableDefinitions ?? [];
  if (!definitions.length) return null;
  const result = getVariableValues(schema, definitions, variables, { maxErrors });
  return result.errors && result.errors.length > maxErrors ? result.errors : null;
}

/**
 * Checks one GraphQL request against the limits before anything else reads it: the parser stops at
 * `maxTokens`, then depth, aliases, operations and cost are measured. Answers the refusal, or null
 * when the request may run (a document that does not parse for another reason is left to Apollo,
 * which answers its syntax error).
 * @example const r = checkRequest(schema, { query }, DEFAULT_LIMITS); if (r) answer400(r);
 */
export function checkRequest(schema: GraphQLSchema, request: { query?: unknown; variables?: unknown; operationName?: unknown }, limits: RequestLimits = DEFAULT_LIMITS): LimitRefusal | null {
  if (typeof request.query !== 'string') return null;
  let document: DocumentNode;
  try {
    document = parse(request.query, { maxTokens: limits.maxTokens, noLocation: true });
  } catch (e) {
    if (/more tha[nt] \d+ tokens/.test((e as Error).message)) {
      return { code: 'QUERY_TOO_LARGE', message: `The document has more than ${limits.maxTokens} tokens (names, punctuation, values): split it or ask for fewer fields`, limit: limits.maxTokens };
    }
    return null;
  }
  const variables = request.variables && typeof request.variables === 'object' && !Array.isArray(request.variables) ? (request.variables as Record<string, unknown>) : {};
  const m = measureDocument(schema, document, variables, limits);
  if (m.operations > limits.maxOperations) {
    return { code: 'TOO_MANY_OPERATIONS', message: `A request may hold at most ${limits.maxOperations} operations; this one holds ${m.operations}`, limit: limits.maxOperations, actual: m.operations };
  }
  if (m.depth > limits.maxDepth) {
    return { code: 'QUERY_TOO_DEEP', message: `The query nests ${m.depth} levels deep; at most ${limits.maxDepth} are allowed`, limit: limits.maxDepth, actual: m.depth };
  }
  if (m.aliases > limits.maxAliases) {
    return { code: 'TOO_MANY_ALIASES', message: `The query uses ${m.aliases} aliases (__typename ones included); at most ${limits.maxAliases} are allowed`, limit: limits.maxAliases, actual: m.aliases };
  }
  if (m.cost > limits.maxCost) {
    return {
      code: 'QUERY_TOO_COSTLY',
      message: `The query's estimated cost is ${m.cost} (each field, __typename included, times the most items of the lists above it: first, the number of ids or years asked, or ${limits.maxPageSize} for a page without first); at most ${limits.maxCost} is allowed: ask for smaller pages or fewer fields`,
      limit: limits.maxCost,
      actual: m.cost,
    };
  }
  const operation = operationOf(document, request.operationName);
  const errors = operation ? tooManyVariableErrors(schema, operation, variables, limits.maxVariableErrors) : null;
  if (errors) {
    return {
      code: 'TOO_MANY_VARIABLE_ERRORS',
      message: `The variables hold more than ${limits.maxVariableErrors} errors (the first ${limits.maxVariableErrors} are listed above): correct them and send the request again`,
      limit: limits.maxVariableErrors,
      errors: errors.slice(0, limits.maxVariableErrors),
    };
  }
  return null;
}
