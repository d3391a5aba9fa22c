import { buildSchema, parse } from 'graphql';
import { DEFAULT_LIMITS, measureDocument } from '../src/limits';

const schema = buildSchema(`
  type Query { teachers(first: Int, after: String): TeacherConnection! teacher(id: ID!): Teacher schools: [School!]! }
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

  it('reads the page size from variables, and uses the default page size without one', () => {
    expect(measure('query($n: Int) { teachers(first: $n) { nodes { id } } }', { n: 200 }).cost).toBe(1 + 200 * 2);
    expect(measure('{ teachers { totalCount nodes { id } } }').cost).toBe(1 + DEFAULT_LIMITS.defaultPageSize * 3);
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
