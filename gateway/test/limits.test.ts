import { buildSchema, parse } from 'graphql';
import { checkRequest, DEFAULT_LIMITS, measureDocument } from '../src/limits';

const schema = buildSchema(`
  type Query {
    teachers(first: Int, after: String): TeacherConnection! teacher(id: ID!): Teacher schools: [School!]!
    teachersByIds(ids: [ID!]!): [Teacher]! districtReports(fromYear: Int!, toYear: Int!): [Report!]!
  }
  type Mutation { upsertTeachers(rows: [TeacherInput!]!): Int! }
  input TeacherInput { name: String! gender: String! schoolCode: String! hours: Int }
  type Report { year: Int! teacherCount: Int! }
  type TeacherConnection { nodes: [Teacher!]! edges: [TeacherEdge!]! totalCount: Int! }
  type TeacherEdge { cursor: String! node: Teacher! }
  type Teacher { id: ID! name: String! school: School! trainings(year: Int): [Training!]! }
  type School { id: ID! name: String! teachers(first: Int): TeacherConnection! }
  type Training { hours: Int! }
`);
const measure = (q: string, v?: Record<string, unknown>) => measureDocument(schema, parse(q), v);

describe('measuring a document', () => {
  it('multiplies what a connection holds by its page size, once', () => {
    // teachers (1) + 500 × (nodes: id, name, school) + 500 × school (id, name)
    expect(measure('{ teachers(first: 500) { nodes { id name school { id name } } } }').cost).toBe(1 + 500 * (1 + 3) + 500 * 2);
  });

  it('reads the page size from variables, and counts a page without first at the page maximum', () => {
    expect(measure('query($n: Int) { teachers(first: $n) { nodes { id } } }', { n: 200 }).cost).toBe(1 + 200 * 2);
    expect(measure('{ teachers { totalCount nodes { id } } }').cost).toBe(1 + DEFAULT_LIMITS.maxPageSize * 3);
    // first over the maximum is refused by the subgraph; the estimate caps it rather than trusting it
    expect(measure('{ teachers(first: 1000000) { nodes { id } } }').cost).toBe(1 + DEFAULT_LIMITS.maxPageSize * 2);
  });

  it('counts __typename as a field and its aliases as aliases (issue 16, finding 2)', () => {
    const bomb = `{ teachers(first: 1000) { nodes { ${Array.from({ length: 100 }, (_, i) => `a${i}: __typename`).join(' ')} } } }`;
    const m = measure(bomb);
    expect(m.aliases).toBe(100);
    expect(m.cost).toBe(1 + 1000 * (1 + 100));
    expect(measure('{ __typename }').cost).toBe(1);
  });

  it('counts a list without first at its real maximum: one item per id asked, one per year (issue 16, finding 3)', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `"t${i}"`).join(',');
    // 1,000 ids × (school + teachers(first: 1000) × (nodes + id)) is far over the limit
    const m = measure(`{ teachersByIds(ids: [${ids}]) { school { teachers(first: 1000) { nodes { id } } } } }`);
    expect(m.cost).toBe(1 + 1000 * (1 + 1 + 1000 * 2));
    expect(measure('query($ids: [ID!]!) { teachersByIds(ids: $ids) { id } }', { ids: ['a', 'b', 'c'] }).cost).toBe(1 + 3);
    // each report is a year's full set of aggregates: it weighs on top of its fields
    const w = DEFAULT_LIMITS.typeWeights.Report ?? 0;
    expect(measure('{ districtReports(fromYear: 1996, toYear: 2025) { year teacherCount } }').cost).toBe(1 + 30 * w + 30 * 2);
  });
});

describe('checking a request before it is parsed by Apollo', () => {
  it('refuses a document over the token limit while parsing it, with its own code', () => {
    const huge = `{ teachers(first: 1) { nodes { ${Array.from({ length: 10_000 }, (_, i) => `a${i}: __typename`).join(' ')} } } }`;
    expect(checkRequest(schema, { query: huge })).toEqual(expect.objectContaining({ code: 'QUERY_TOO_LARGE', limit: DEFAULT_LIMITS.maxTokens }));
  });

  it('refuses the __typename alias bomb under the token limit by its aliases, and the 1,000-id nest by its cost', () => {
    const bomb = `{ teachers(first: 1000) { nodes { ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} } } }`;
    expect(checkRequest(schema, { query: bomb })?.code).toBe('TOO_MANY_ALIASES');
    const q = 'query($ids: [ID!]!) { teachersByIds(ids: $ids) { school { teachers(first: 1000) { nodes { id name } } } } }';
    expect(checkRequest(schema, { query: q, variables: { ids: Array.from({ length: 1000 }, (_, i) => `t${i}`) } })?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('refuses 30 aliases of a 30-year districtReports by the weight of a report', () => {
    const limits = { ...DEFAULT_LIMITS, typeWeights: { Report: 1000 } };
    const one = '{ districtReports(fromYear: 1996, toYear: 2025) { year teacherCount } }';
    expect(checkRequest(schema, { query: one }, limits)).toBeNull();
    const thirty = `{ ${Array.from({ length: 30 }, (_, i) => `r${i}: districtReports(fromYear: 1996, toYear: 2025) { year teacherCount }`).join(' ')} }`;
    expect(checkRequest(schema, { query: thirty }, limits)?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('refuses variables with more coercion errors than the cap, listing the first ones, and leaves fewer to Apollo', () => {
    const q = 'mutation Up($rows: [TeacherInput!]!) { upsertTeachers(rows: $rows) }';
    // 5,000 empty rows: 15,000 missing fields, each an error with a stack trace in an uncapped coercion
    const r = checkRequest(schema, { query: q, variables: { rows: Array.from({ length: 5000 }, () => ({})) } });
    expect(r).toEqual(expect.objectContaining({ code: 'TOO_MANY_VARIABLE_ERRORS', limit: DEFAULT_LIMITS.maxVariableErrors }));
    expect(r?.errors).toHaveLength(DEFAULT_LIMITS.maxVariableErrors);
    expect(r?.errors?.[0].message).toBe('Variable "$rows" got invalid value {} at "rows[0]"; Field "name" of required type "String!" was not provided.');
    // a few bad rows are Apollo's to answer, in its own words
    expect(checkRequest(schema, { query: q, variables: { rows: [{}, { name: 'a', gender: '1', schoolCode: 'x', hours: 'many' }] } })).toBeNull();
    // the operation named, in a document of several; a name that is not there is left to Apollo
    const two = `${q} query Other { teachers { totalCount } }`;
    expect(checkRequest(schema, { query: two, operationName: 'Up', variables: { rows: Array.from({ length: 100 }, () => 1) } })?.code).toBe('TOO_MANY_VARIABLE_ERRORS');
    expect(checkRequest(schema, { query: two, variables: { rows: Array.from({ length: 100 }, () => 1) } })).toBeNull();
    expect(checkRequest(schema, { query: two, operationName: 'Nope', variables: { rows: Array.from({ length: 100 }, () => 1) } })).toBeNull();
  });

  it('lets an ordinary query through, and leaves a syntax error to Apollo', () => {
    expect(checkRequest(schema, { query: '{ teachers(first: 20) { nodes { id name school { name } } } }' })).toBeNull();
    expect(checkRequest(schema, { query: '{ teachers(' })).toBeNull();
    expect(checkRequest(schema, { query: 42 })).toBeNull();
  });

  it('compounds nested pages: 1,000 teachers × their school × 1,000 teachers each is refused territory', () => {
    const m = measure('{ teachers(first: 1000) { nodes { school { teachers(first: 1000) { nodes { id } } } } } }');
    expect(m.cost).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
  });

  it('assumes a size for plain lists', () => {
    expect(measure('{ teacher(id: "1") { trainings { hours } } }').cost).toBe(1 + 1 + DEFAULT_LIMITS.assumedListSize);
  });

  it('counts depth through fragments, aliases and operations', () => {
    const m = measure(`
      query A { a: teacher(id: "1") { ...F } b: teacher(id: "2") { id } }
      query B { schools { id } }
      fragment F on Teacher { school { teachers { nodes { school { name } } } } }`);
    expect(m.depth).toBe(6);
    expect(m.aliases).toBe(2);
    expect(m.operations).toBe(2);
  });

  it('does not loop on a fragment that spreads itself', () => {
    expect(() => measure('{ teacher(id: "1") { ...F } } fragment F on Teacher { school { ...G } } fragment G on School { teachers { nodes { ...F } } }')).not.toThrow();
  });
});
