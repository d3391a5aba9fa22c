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

  it('caps page sizes in the subgraphs', async () => {
    const r = await p.admin('{ teachers(first: 1001) { nodes { id } } }');
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toMatch(/1000/);
  });
});
