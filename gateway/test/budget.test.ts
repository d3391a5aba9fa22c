import path from 'node:path';
import fs from 'node:fs';
import { signDelegatedToken, signServiceToken, signUserToken, TokenKeys } from '@tw/kernel';
import { TokenBuckets } from '../src/budget';
import { startGateway, GatewayHandle } from '../src';

describe('token buckets', () => {
  it('lets a burst through, then one request per refill, and says how long to wait', () => {
    let now = 0;
    const b = new TokenBuckets({ perSecond: 2, burst: 3 }, () => now);
    expect([b.take('a'), b.take('a'), b.take('a')]).toEqual([0, 0, 0]);
    expect(b.take('a')).toBeCloseTo(0.5);
    expect(b.take('b')).toBe(0);
    now = 500;
    expect(b.take('a')).toBe(0);
    expect(b.take('a')).toBeCloseTo(0.5);
  });

  it('keeps memory bounded by dropping full buckets', () => {
    let now = 0;
    const b = new TokenBuckets({ perSecond: 1, burst: 1 }, () => now, 10);
    for (let i = 0; i < 100; i++) b.take(`k${i}`);
    now = 10_000;
    for (let i = 0; i < 100; i++) expect(b.take(`new${i}`)).toBe(0);
  });
});

describe('the request budget at the gateway', () => {
  const keys: TokenKeys = { user: { kind: 'HS256', secret: 'u'.repeat(32) }, gatewaySecret: 'g'.repeat(32) };
  const now = 1_000_000;
  let gw: GatewayHandle;
  beforeAll(async () => {
    const supergraphSdl = fs.readFileSync(path.resolve(__dirname, '../../schema/supergraph.graphql'), 'utf8');
    const dead = 'http://127.0.0.1:9/graphql';
    gw = await startGateway({
      supergraphSdl,
      subgraphUrls: { personnel: dead, 'professional-development': dead, compensation: dead, governance: dead, importer: dead },
      gatewaySecret: keys.gatewaySecret,
      production: false,
      subgraphTimeoutMs: 200,
      budget: { perSubject: { perSecond: 1, burst: 3 }, perAddress: { perSecond: 1, burst: 5 } },
      keys,
      // the clock stands still: no token comes back during the test
      now: () => now,
    });
  });
  afterAll(() => gw.stop());

  const ask = (token?: string) =>
    fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query: '{ __typename }' }) });

  it('spends a subject’s budget, answers 429 with Retry-After, counts the address too, and never budgets service tokens', async () => {
    const alice = signUserToken({ subject: 'alice', role: 'DISTRICT_ADMIN' }, keys.user.kind === 'HS256' ? keys.user.secret : '');
    for (let i = 0; i < 3; i++) expect((await ask(alice)).status).toBe(200);
    const refused = await ask(alice);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('RATE_LIMITED');
    // a forged token naming alice does not verify: it counts against the address only (a verified one from
    // loopback, the gateway's own calls for a user, spends only the subject's), and the address has 5 left
    const forged = signUserToken({ subject: 'alice', role: 'DISTRICT_ADMIN' }, 'x'.repeat(32));
    for (let i = 0; i < 4; i++) expect((await ask(forged)).status).toBe(200);
    expect((await ask()).status).toBe(200);
    expect((await ask()).status).toBe(429);
    // the import routes are budgeted too
    expect((await fetch(gw.url.replace('/graphql', '/imports/x'))).status).toBe(429);
    // the platform's own service calls are not
    expect((await ask(signServiceToken('importer', keys.gatewaySecret))).status).toBe(200);
    expect((await ask(signDelegatedToken('importer', keys.gatewaySecret, { subject: 'alice', role: 'DISTRICT_ADMIN' }))).status).toBe(200);
    // health checks are not budgeted
    expect((await fetch(gw.url.replace('/graphql', '/health'))).status).toBe(200);
  });
});
