import { getIntrospectionQuery } from 'graphql';
import { Platform, startPlatform } from '../src/platform';

describe('request limits at the gateway', () => {
  let p: Platform;
  beforeAll(async () => {
    p = await startPlatform('sqlite');
  });
  afterAll(() => p.stop());

  const codeOf = async (query: string, variables?: Record<string, unknown>) => (await p.admin(query, variables)).errors?.[0]?.extensions?.code;

  it('answers an ordinary query and a tool’s introspection query', async () => {
    expect(await codeOf('{ teachers(first: 500) { nodes { id name school { name } } } }')).toBeUndefined();
    expect(await codeOf(getIntrospectionQuery())).toBeUndefined();
  });

  it('refuses a query nested too deep', async () => {
    const deep = `{ teachers { nodes { school { teachers { nodes { school { teachers { nodes { school { teachers { nodes { school { id } } } } } } } } } } } } }`;
    const r = await p.admin(deep);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 12 });
    expect(r.errors?.[0].message).toMatch(/levels deep/);
  });

  it('refuses a query whose pages multiply past the cost limit', async () => {
    const r = await p.admin('{ teachers(first: 1000) { nodes { school { teachers(first: 1000) { nodes { id name } } } } } }');
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 200000 });
  });

  it('refuses too many aliases and too many operations', async () => {
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: schools(first: 1) { totalCount }`).join(' ')} }`;
    expect(await codeOf(aliases)).toBe('TOO_MANY_ALIASES');
    const ops = Array.from({ length: 6 }, (_, i) => `query Q${i} { schools(first: 1) { totalCount } }`).join('\n');
    const res = await fetch(p.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${p.tokenOf({ subject: 'a', role: 'DISTRICT_ADMIN' })}` },
      body: JSON.stringify({ query: ops, operationName: 'Q0' }),
    });
    const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe('TOO_MANY_OPERATIONS');
  });

  it('refuses an oversized body with a GraphQL error', async () => {
    const res = await fetch(p.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ schools { totalCount } } # ${'x'.repeat(6 * 1024 * 1024)}` }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  const post = (query: string, variables?: Record<string, unknown>) =>
    fetch(p.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${p.tokenOf({ subject: 'a', role: 'DISTRICT_ADMIN' })}` },
      body: JSON.stringify({ query, variables }),
    });
  const refusal = async (res: Response) => ({ status: res.status, code: ((await res.json()) as { errors?: Array<{ extensions: { code: string } }> }).errors?.[0]?.extensions.code });

  it('refuses the __typename alias bomb with a 4xx before running it, while an ordinary query still answers (issue 16, finding 2)', async () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ');
    const bombs = [
      `{ teachers(first: 1000) { nodes { ${aliases(10_000)} } } }`,
      `{ teachers(first: 1000) { nodes { ${aliases(1_000)} } } }`,
      `{ teachers(first: 1000) { nodes { __typename id name } } x: teachers(first: 1000) { nodes { __typename id name } } }`.replace('{ __typename id name }', `{ ${'__typename '.repeat(200)} }`),
    ];
    // the bombs and an ordinary query at once: the bombs are refused, the query answers
    const ordinaryAnswer = p.admin('{ teachers(first: 20) { nodes { id name school { name } } } }');
    const [a, b, c] = await Promise.all(bombs.map((q) => post(q)));
    const ordinary = await ordinaryAnswer;
    expect(await refusal(a)).toEqual({ status: 400, code: 'QUERY_TOO_LARGE' });
    expect(await refusal(b)).toEqual({ status: 400, code: 'TOO_MANY_ALIASES' });
    expect(await refusal(c)).toEqual({ status: 400, code: 'QUERY_TOO_COSTLY' });
    expect(ordinary.errors).toBeUndefined();
    expect(Array.isArray((ordinary.data as { teachers: { nodes: unknown[] } }).teachers.nodes)).toBe(true);
  });

  it('refuses variables with thousands of coercion errors after the first 50, and answers a few bad rows in Apollo’s words', async () => {
    const upsert = 'mutation($rows: [TeacherInput!]!) { upsertTeachers(rows: $rows) { created } }';
    // 5,000 empty rows are 100 KB that @apollo/gateway, uncapped, turns into one error per missing field (megabytes, seconds)
    const res = await post(upsert, { rows: Array.from({ length: 5000 }, () => ({})) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string; limit?: number } }> };
    expect(body.errors).toHaveLength(51);
    expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(/^Variable "\$rows" got invalid value \{\} at "rows\[0\]"; Field "\w+" of required type/), extensions: { code: 'BAD_USER_INPUT' } });
    expect(body.errors[50].extensions).toEqual({ code: 'TOO_MANY_VARIABLE_ERRORS', limit: 50 });
    const few = await post(upsert, { rows: [{}] });
    expect(await refusal(few)).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
  });

  it('counts a list without first at its real maximum: 1,000 ids, 30 years (issue 16, finding 3)', async () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `t${i}`);
    expect(await refusal(await post('query($ids: [ID!]!) { teachersByIds(ids: $ids) { school { teachers(first: 1000) { nodes { id name } } } } }', { ids }))).toEqual({
      status: 400,
      code: 'QUERY_TOO_COSTLY',
    });
    const years = `{ ${Array.from({ length: 30 }, (_, i) => `r${i}: districtReports(fromYear: 1996, toYear: 2025) { year teacherCount }`).join(' ')} }`;
    expect(await refusal(await post(years))).toEqual({ status: 400, code: 'QUERY_TOO_COSTLY' });
    // one 30-year trend is an ordinary request
    expect((await p.admin('{ districtReports(fromYear: 1996, toYear: 2025) { year teacherCount } }')).errors).toBeUndefined();
  });

  it('caps page sizes in the subgraphs', async () => {
    const r = await p.admin('{ teachers(first: 1001) { nodes { id } } }');
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toMatch(/1000/);
  });
});
