/**
 * GraphQL fuzz of the gateway, the platform as processes in production mode: thousands of mutations
 * of real queries and bulk writes (tokens deleted, duplicated, swapped; random bytes; deep nesting;
 * thousands of aliases or duplicated fields; giant strings and lists; variables of the wrong type;
 * broken request bodies), for a bounded time: FUZZ_SECONDS (35 by default, the CI form; longer to
 * dig; `npm run fuzz` for the long random run), seeded from the commit (FUZZ_SEED to replay a run).
 * No process may crash; every input gets an error or a valid answer, never a 5xx (a malformed
 * request is the client's fault: 4xx) and never a hang; and the databases are unchanged, because the
 * writes are sent with tokens that may not write what they name.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Principal, Random, SERVICES } from '@tw/kernel';
import { IsolatedPlatform, launchIsolatedPlatform, ROOT } from '@tw/kernel/launcher';
import { fuzzSeed, queryMix, readApiSchema } from '@tw/kernel/testing';
import { caller, postRaw, RawAnswer } from '../src/callers';
import { seedSmallDistrict, SmallDistrict } from './hardening-seed';

const SECONDS = Number(process.env.FUZZ_SECONDS ?? 35);
// the commit's seed (so a local run predicts CI), FUZZ_SEED to replay, FUZZ_RANDOM=1 (npm run fuzz) for a new one
const SEED = fuzzSeed();
const IN_FLIGHT = 4;
/** an answer slower than this is a hang (the gateway's own request limit is 60 s) */
const HANG_MS = 75_000;

// the kernel's seeded generator (mulberry32), which both fuzz tests use, so a failing run replays with FUZZ_SEED

const TOKEN = /"(?:[^"\\]|\\.)*"|\.\.\.|[A-Za-z_][A-Za-z0-9_]*|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[!$&()[\]{}:=@|]|\S/g;
const PUNCTUATION = ['{', '}', '(', ')', '[', ']', ':', '!', '$', '@', '...', '=', '|', '&', '"', '#', ',', '\\'];
const ODD_TEXT = ['\u0000', '\uD800', '\uDFFF', '\uFFFF', '😀', '\u202E', '\r\n', '\t', '\\u0000', '"""', '#', '\u00A0', '教师', '\u0007', '%00', '${', '`'];

interface Input {
  /** what was done to the seed, for the report */
  readonly how: string;
  readonly body: string;
  readonly headers: Record<string, string>;
}

interface Seed {
  readonly name: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly write: boolean;
}

/** Mutations of a document's text, each keeping the rest of it: the shapes a parser and validator must survive. */
const documentMutators: Array<[string, (r: Random, doc: string) => string]> = [
  ['delete a token', (r, doc) => splice(r, doc, () => [])],
  ['duplicate a token', (r, doc) => splice(r, doc, (t) => [t, t])],
  ['swap two tokens', (r, doc) => {
    const tokens = doc.match(TOKEN) ?? [];
    if (tokens.length < 2) return doc;
    const [i, j] = [r.int(0, tokens.length - 1), r.int(0, tokens.length - 1)];
    [tokens[i], tokens[j]] = [tokens[j], tokens[i]];
    return tokens.join(' ');
  }],
  ['replace a token by punctuation', (r, doc) => splice(r, doc, () => [r.pick(PUNCTUATION)])],
  ['insert random characters', (r, doc) => {
    const at = r.int(0, doc.length);
    const junk = Array.from({ length: r.int(1, 8) }, () => (r.chance(0.5) ? r.pick(ODD_TEXT) : String.fromCharCode(r.int(0, 0xffff)))).join('');
    return doc.slice(0, at) + junk + doc.slice(at);
  }],
  ['truncate', (r, doc) => doc.slice(0, r.int(0, doc.length))],
  ['nest deeply', (r) => {
    const depth = r.pick([13, 13, 50, 500, 5000]);
    return `{ teachers(first: 1) { nodes { ${'mentor { '.repeat(depth)}id${' }'.repeat(depth)} } } }`;
  }],
  ['nest braces without fields', (r) => `{${'{'.repeat(r.pick([100, 100, 10000, 100000]))}`],
  ['thousands of aliases', (r) => `{ ${Array.from({ length: r.pick([31, 31, 500, 5000]) }, (_, i) => `a${i}: teachers(first: 1000) { totalCount }`).join(' ')} }`],
  ['thousands of duplicated fields', (r) => `{ ${'schools(first: 1) { totalCount } '.repeat(r.pick([100, 1000, 1000, 10000, 50000]))}}`],
  ['a giant string', (r, doc) => {
    const big = JSON.stringify('长'.repeat(r.pick([1000, 1000, 100_000, 1_000_000])));
    return /"(?:[^"\\]|\\.)*"/.test(doc) ? doc.replace(/"(?:[^"\\]|\\.)*"/, big) : `{ teacherByIdNumber(idNumber: ${big}) { id } }`;
  }],
  ['directives repeated', (r, doc) => doc.replace(/\{/, `{ __typename ${'@include(if: true) '.repeat(r.pick([10, 10, 1000, 10000]))}`)],
  ['a fragment cycle', () => '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'],
  ['many operations', (r, doc) => Array.from({ length: r.pick([6, 100]) }, (_, i) => doc.replace(/^(query|mutation)\s+(\w+)/, `$1 $2${i}`)).join('\n')],
  ['numbers out of range', (r, doc) => doc.replace(/first: \d+/, `first: ${r.pick(['-1', '0', '1e309', '99999999999999999999', '1.5', '2147483648'])}`)],
  ['introspection', (r) => r.pick(['{ __schema { types { name fields { name } } } }', '{ __type(name: "Teacher") { name } }'])],
  ['_entities and _service', (r) => r.pick(['{ _service { sdl } }', '{ _entities(representations: [{ __typename: "Teacher", id: "x" }]) { __typename } }'])],
];

// Inputs that cost the gateway up to a second each (megabytes to parse, thousands of fields to
// validate) come one time in five, so that a run also tries thousands of the cheap near misses.
const HEAVY = new Set(['nest deeply', 'nest braces without fields', 'thousands of aliases', 'thousands of duplicated fields', 'a giant string', 'directives repeated', 'many operations']);
const heavy = documentMutators.filter(([how]) => HEAVY.has(how));
const light = documentMutators.filter(([how]) => !HEAVY.has(how));

/** A random JSON value of the wrong kind, for a variable. */
function wrongValue(r: Random): unknown {
  return r.pick<() => unknown>([
    () => r.int(-(2 ** 31), 2 ** 31),
    () => 1e308,
    () => -0.5,
    () => 'x'.repeat(r.int(0, 3000)),
    () => true,
    () => null,
    () => [],
    () => [null, 1, 'a'],
    () => ({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }),
    () => ({ nested: { deeper: [{}] } }),
    () => Array.from({ length: r.int(1001, 5000) }, () => ({})),
    () => '410102199001011234',
  ])();
}

/** Replaces values deep in the variables by values of the wrong kind. */
function scramble(r: Random, v: unknown, depth = 0): unknown {
  if (r.chance(depth === 0 ? 0.2 : 0.15)) return wrongValue(r);
  if (Array.isArray(v)) return v.map((x) => scramble(r, x, depth + 1));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [r.chance(0.05) ? `${k}_` : k, scramble(r, x, depth + 1)]));
  return v;
}

function splice(r: Random, doc: string, replace: (token: string) => string[]): string {
  const tokens = doc.match(TOKEN) ?? [];
  if (!tokens.length) return doc;
  const i = r.int(0, tokens.length - 1);
  return [...tokens.slice(0, i), ...replace(tokens[i]), ...tokens.slice(i + 1)].join(' ');
}

/** Broken request bodies: not JSON, JSON of the wrong shape, batches. */
const bodyMutators: Array<[string, (r: Random, seed: Seed) => string]> = [
  ['a body cut short', (r, s) => {
    const b = JSON.stringify({ query: s.query, variables: s.variables });
    return b.slice(0, r.int(0, b.length - 1));
  }],
  ['random bytes for a body', (r) => Array.from({ length: r.int(0, 200) }, () => String.fromCharCode(r.int(0, 255))).join('')],
  ['an empty body', () => ''],
  ['query not a string', (r) => JSON.stringify({ query: r.pick([42, null, ['{ a }'], { query: '{ a }' }, true]) })],
  ['variables not an object', (r, s) => JSON.stringify({ query: s.query, variables: r.pick([[], 'x', 7, true]) })],
  ['a batch', (r, s) => JSON.stringify(Array.from({ length: r.int(1, 50) }, () => ({ query: s.query, variables: s.variables })))],
  ['an operation name that is not there', (r, s) => JSON.stringify({ query: s.query, variables: s.variables, operationName: r.pick(['Nope', '', 'x'.repeat(10_000), 12]) })],
  ['a JSON array nested 100,000 deep', () => `{"query":"{ __typename }","variables":{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`],
  ['extensions of persisted queries', () => JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } })],
];

/** What every service's SQLite database holds: per table, the row count and a hash of every row. */
function fingerprint(p: IsolatedPlatform): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of SERVICES) {
    const file = p.sqliteFile(s.name);
    if (!fs.existsSync(file)) continue;
    const db = new Database(file, { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>;
      for (const { name } of tables) {
        const hash = createHash('sha256');
        let rows = 0;
        for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).iterate()) {
          hash.update(JSON.stringify(row));
          rows++;
        }
        out[`${s.name}.${name}`] = `${rows} rows ${hash.digest('hex').slice(0, 16)}`;
      }
    } finally {
      db.close();
    }
  }
  return out;
}

describe('GraphQL fuzz of the gateway (production processes)', () => {
  let p: IsolatedPlatform;
  let d: SmallDistrict;
  beforeAll(async () => {
    p = await launchIsolatedPlatform({ production: true, logLevel: 'warn' });
    d = await seedSmallDistrict(caller(p.gatewayUrl, p.token({ subject: 'fuzz', role: 'DISTRICT_ADMIN' })), 2, 10);
  }, 600_000);
  afterAll(() => p?.stop());

  it(`survives ${SECONDS} s of mutated documents (seed ${SEED}) without a crash, a hang, a 5xx or a write`, async () => {
    const r = new Random(SEED);
    const [schoolA, schoolB] = d.schools;
    const inA = d.teachers.filter((t) => t.schoolId === schoolA.id);
    const inB = d.teachers.filter((t) => t.schoolId === schoolB.id);
    const mix = queryMix(readApiSchema(ROOT), { schoolIds: [schoolA.id, schoolB.id], teacherIds: d.teachers.map((t) => t.id), year: d.year });
    const operations = fs.readFileSync(path.join(ROOT, 'schema/operations/personnel.graphql'), 'utf8');
    const fragment = operations.slice(operations.indexOf('fragment BulkResultFields'));
    const y = d.year;
    const bulkOf = (mutation: string, input: string) => `mutation ${mutation}($rows: [${input}!]!, $options: BulkOptions) { ${mutation}(rows: $rows, options: $options) { ...BulkResultFields } } ${fragment}`;
    const seeds: Seed[] = [
      ...mix.samples().map((o) => ({ name: o.name, query: o.query, variables: o.variables, write: false })),
      { name: 'TeachersPage', query: operations.slice(operations.indexOf('query TeachersPage'), operations.indexOf('query SchoolWithQuota')), variables: { first: 20, filter: { serving: true } }, write: false },
      { name: 'payRecords', query: 'query($y: Int!, $s: ID) { payRecords(first: 100, filter: { year: $y, schoolId: $s }) { totalCount nodes { id annualIncome teacher { name idNumber } } } }', variables: { y, s: schoolB.id }, write: false },
      { name: 'teachersByIdNumber', query: 'query($n: [String!]!) { teachersByIdNumber(idNumbers: $n) { id name idNumber pay(year: 2024) { annualIncome } } }', variables: { n: inB.map((t) => t.idNumber) }, write: false },
      { name: 'governance lists', query: `{ violations(first: 10) { nodes { id } } ethicsAssessments(first: 10, filter: { year: ${y} }) { nodes { id result } } governanceSummary(year: ${y}) { __typename } }`, variables: {}, write: false },
      { name: 'development lists', query: `{ trainingParticipations(first: 10) { nodes { id hours programme { name } } } studios(first: 5) { nodes { name members { name } } } }`, variables: {}, write: false },
      { name: 'imports', query: '{ importJobs(first: 5) { totalCount } }', variables: {}, write: false },
      // writes: valid rows for school B's teachers, sent only with tokens that may not write them
      { name: 'upsertTeachers', query: bulkOf('upsertTeachers', 'TeacherInput'), variables: { rows: d.unwritten.filter((t) => t.schoolCode === d.schools[1].code).slice(0, 3) }, write: true },
      { name: 'upsertSchools', query: bulkOf('upsertSchools', 'SchoolInput'), variables: { rows: [{ code: '4101029999', name: '模糊测试学校', type: 'PRIMARY', sponsor: 'PUBLIC' }] }, write: true },
      { name: 'upsertPayRecords', query: bulkOf('upsertPayRecords', 'PayRecordInput'), variables: { rows: inB.map((t) => ({ teacherId: t.id, year: y, annualIncome: '99999.99' })) }, write: true },
      { name: 'upsertTrainings', query: bulkOf('upsertTrainings', 'TrainingInput'), variables: { rows: inB.map((t) => ({ teacherId: t.id, year: y, level: 'COUNTY', projectName: '模糊测试', mode: 'ONLINE', hours: 2 })) }, write: true },
      { name: 'upsertEthicsAssessments', query: bulkOf('upsertEthicsAssessments', 'EthicsAssessmentInput'), variables: { rows: inB.map((t) => ({ teacherId: t.id, year: y, result: 'INCOMPETENT' })) }, write: true },
      { name: 'upsertViolations', query: bulkOf('upsertViolations', 'ViolationInput'), variables: { rows: inB.map((t) => ({ teacherId: t.id, occurredOn: `${y}-03-03`, negativeListItem: '1', description: '模糊测试' })) }, write: true },
    ];
    // the seeds themselves are valid: a mutated seed is a near miss of a real request
    const admin = caller(p.gatewayUrl, p.token({ subject: 'fuzz', role: 'DISTRICT_ADMIN' }));
    for (const s of seeds.filter((x) => !x.write)) expect({ seed: s.name, errors: (await admin(s.query, s.variables)).errors }).toEqual({ seed: s.name, errors: undefined });

    const readers: Array<[string, Principal | 'none' | 'garbage']> = [
      ['DISTRICT_ADMIN', { subject: 'fuzz', role: 'DISTRICT_ADMIN' }],
      ['SCHOOL_ADMIN', { subject: 'clerk', role: 'SCHOOL_ADMIN', schoolId: schoolA.id }],
      ['TEACHER', { subject: 't', role: 'TEACHER', teacherId: inA[0].id }],
      ['ANALYST', { subject: 'a', role: 'ANALYST' }],
      ['no token', 'none'],
      ['a garbage token', 'garbage'],
    ];
    // none of these may write school B's records, nor create schools
    const writers = readers.filter(([label]) => label !== 'DISTRICT_ADMIN');
    const tokens = new Map(readers.map(([label, who]) => [label, who === 'none' ? undefined : who === 'garbage' ? 'eyJhbGciOiJub25lIn0.e30.' : p.token(who)]));

    const make = (): Input => {
      const seed = r.pick(seeds);
      const [role] = r.pick(seed.write ? writers : readers);
      const token = tokens.get(role);
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      if (r.chance(0.1)) {
        const [how, mutate] = r.pick(bodyMutators);
        return { how: `${seed.name} as ${role}: ${how}`, body: mutate(r, seed), headers };
      }
      let query = seed.query;
      const hows: string[] = [];
      for (let k = r.int(r.chance(0.15) ? 0 : 1, 3); k > 0; k--) {
        const [how, mutate] = r.pick(r.chance(0.2) ? heavy : light);
        query = mutate(r, query);
        hows.push(how);
      }
      let variables: unknown = seed.variables;
      if (r.chance(0.3)) {
        variables = scramble(r, seed.variables);
        hows.push('variables of the wrong kind');
      }
      return { how: `${seed.name} as ${role}: ${hows.join(', ') || 'as is'}`, body: JSON.stringify({ query, variables }), headers };
    };

    const pids = Object.fromEntries(p.all.map((x) => [x.name, x.pid]));
    const before = fingerprint(p);
    const counts = { inputs: 0, answered: 0, withData: 0, withErrors: 0, status: {} as Record<number, number> };
    const failures: string[] = [];
    // a 5xx with a GraphQL body is allowed (the service said what failed), but shown, to be looked into
    const serverErrors: string[] = [];
    const fail = (input: Input, why: string) => {
      if (failures.length < 20) failures.push(`${why} — ${input.how} — body ${input.body.slice(0, 200)}`);
    };
    const judge = (input: Input, a: RawAnswer) => {
      counts.answered++;
      counts.status[a.status] = (counts.status[a.status] ?? 0) + 1;
      const graphql = !!a.body && (Array.isArray(a.body.errors) || 'data' in a.body);
      if (a.body?.data) counts.withData++;
      if (a.body?.errors?.length) counts.withErrors++;
      if (a.status >= 500 && serverErrors.length < 5) serverErrors.push(`HTTP ${a.status} ${a.text.slice(0, 300)} — ${input.how} — body ${input.body.slice(0, 200)}`);
      if (a.status >= 500) fail(input, `HTTP ${a.status} to a malformed request (the client's fault: a 4xx): ${a.text.slice(0, 200)}`);
      if (a.status === 200 && !graphql) fail(input, `HTTP 200 that is not a GraphQL answer: ${a.text.slice(0, 200)}`);
      if (/\bat .+\.js:\d+|stacktrace|SELECT |sqlite|127\.0\.0\.1/i.test(a.text)) fail(input, `an answer that shows internals: ${a.text.slice(0, 300)}`);
    };

    const deadline = Date.now() + SECONDS * 1000;
    const worker = async () => {
      while (Date.now() < deadline) {
        const input = make();
        counts.inputs++;
        const started = Date.now();
        try {
          judge(input, await postRaw(p.gatewayUrl, input.body, input.headers, HANG_MS));
        } catch (e) {
          fail(input, Date.now() - started >= HANG_MS ? `no answer within ${HANG_MS / 1000} s` : `no answer: ${(e as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));

    console.log(`fuzz (seed ${SEED}): ${counts.inputs} inputs in ${SECONDS} s, ${counts.answered} answered (${counts.withData} with data, ${counts.withErrors} with errors), HTTP ${JSON.stringify(counts.status)}, ${failures.length} failures${serverErrors.length ? `; the first 5xx answers:\n${serverErrors.join('\n')}` : ''}`);
    expect(failures).toEqual([]);
    // no process crashed or was restarted, and each still answers
    expect(Object.fromEntries(p.all.map((x) => [x.name, x.pid]))).toEqual(pids);
    for (const x of p.all) expect({ process: x.name, health: (await fetch(`${x.origin}/health`)).status }).toEqual({ process: x.name, health: 200 });
    for (const x of p.all) expect(x.log()).not.toMatch(/uncaught|unhandled|heap out of memory|FATAL/i);
    // about 20 inputs a second even on a busy 2-core machine: well under that means inputs hung or were not sent
    expect(counts.inputs).toBeGreaterThan(SECONDS * 10);
    // nothing was written
    expect(fingerprint(p)).toEqual(before);
  }, (SECONDS + 240) * 1000);

  // @apollo/gateway's executor answers an operationName that names no operation (or an empty one) with
  // HTTP 500; the gateway's operationResolutionPlugin makes it the client error it is.
  it('answers an operationName that names no operation with a 400 client error', async () => {
    const headers = { authorization: `Bearer ${p.token({ subject: 'fuzz', role: 'DISTRICT_ADMIN' })}` };
    for (const operationName of ['Nope', '']) {
      const a = await postRaw(p.gatewayUrl, JSON.stringify({ query: 'query A { __typename }', operationName }), headers);
      expect({ operationName, status: a.status }).toEqual({ operationName, status: 400 });
      expect(a.body?.errors?.[0].extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
    }
  });
});
