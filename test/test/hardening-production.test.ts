/**
 * Production mode (NODE_ENV=production) with the platform as real processes, the way it is deployed:
 * it refuses to start without real secrets; introspection and the landing page are off; an internal
 * error answers without stack, SQL or hosts but with a request id found in the process's log; and
 * the logs of a run that handled tokens, ID numbers and pay hold none of them.
 */
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { gatewayPoster, loadDemoDistrict } from '@tw/demo';
import { Principal, SERVICES } from '@tw/kernel';
import { ensureBuilt, freePort, IsolatedPlatform, launchIsolatedPlatform, platformScript, runToExit } from '@tw/kernel/launcher';
import { Answer, caller } from '../src/callers';
import { TEST_DATE, TEST_YEAR } from '@tw/kernel/testing';

const SCRIPTS = [...SERVICES.map((s) => s.name), 'gateway'].map((name) => ({ name, script: platformScript(name) }));
const GOOD_JWT = 'j'.repeat(32);
const GOOD_GATEWAY = 'g'.repeat(32);

describe('production mode refuses to start without real secrets', () => {
  beforeAll(() => ensureBuilt(), 600_000);

  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['JWT_SECRET unset', { GATEWAY_SECRET: GOOD_GATEWAY }, /JWT_SECRET must be set to at least 32 characters/],
    ['JWT_SECRET of 31 characters', { JWT_SECRET: 'j'.repeat(31), GATEWAY_SECRET: GOOD_GATEWAY }, /JWT_SECRET must be set to at least 32 characters/],
    ['JWT_SECRET of blanks', { JWT_SECRET: ' '.repeat(40), GATEWAY_SECRET: GOOD_GATEWAY }, /JWT_SECRET must be set to at least 32 characters/],
    ['GATEWAY_SECRET unset', { JWT_SECRET: GOOD_JWT }, /GATEWAY_SECRET must be set to at least 32 characters/],
    ['GATEWAY_SECRET of 31 characters', { JWT_SECRET: GOOD_JWT, GATEWAY_SECRET: 'g'.repeat(31) }, /GATEWAY_SECRET must be set to at least 32 characters/],
    ['GATEWAY_SECRET equal to JWT_SECRET', { JWT_SECRET: GOOD_GATEWAY, GATEWAY_SECRET: GOOD_GATEWAY }, /JWT_SECRET and GATEWAY_SECRET must differ/],
  ];

  it.each(cases)('with %s, every process exits with code 1 and a message naming the variable', async (_label, secrets, message) => {
    const results = await Promise.all(
      SCRIPTS.map(async ({ name, script }) => {
        const port = String(await freePort());
        // ports of its own, so a process that wrongly started would take nobody's
        const ports = Object.fromEntries(SERVICES.map((s) => [`${s.envPrefix}_PORT`, port]));
        const r = await runToExit(script, { NODE_ENV: 'production', DATA_DIR: path.join(os.tmpdir(), 'tw-refused-never-made'), ...ports, GATEWAY_PORT: port, ...secrets }, 30_000);
        return { name, ...r };
      }),
    );
    for (const r of results) {
      expect({ name: r.name, code: r.code, timedOut: r.timedOut }).toEqual({ name: r.name, code: 1, timedOut: false });
      expect(r.output).toMatch(message);
      // the value of a secret never appears in the message
      for (const value of Object.values(secrets)) if (value.trim()) expect(r.output).not.toContain(value);
    }
  });
});

describe('the platform in production mode', () => {
  let p: IsolatedPlatform;
  const issued: string[] = [];
  const tokenFor = (principal: Principal) => {
    const t = p.token(principal);
    issued.push(t);
    return t;
  };
  const ADMIN: Principal = { subject: 'district-admin', role: 'DISTRICT_ADMIN' };
  let year: number;

  beforeAll(async () => {
    // debug: the most a deployer could have logged, and still no personal data may show
    p = await launchIsolatedPlatform({ production: true, logLevel: 'debug' });
    // the isolated platform's services take TEST_DATE as today (BUSINESS_DATE): the district is as of it
    const loaded = await loadDemoDistrict(gatewayPoster(p.gatewayUrl, tokenFor(ADMIN)), TEST_DATE);
    expect(loaded.teachers).toBeGreaterThan(1000);
    year = TEST_YEAR - 1;
  }, 600_000);
  afterAll(() => p?.stop());

  /** Every place an answer could name where the platform runs: hosts, ports, the data dir. */
  const internalPlaces = () => [/127\.0\.0\.1/, /localhost/, /\/tmp\//, new RegExp(p.dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), ...p.all.map((x) => new RegExp(`\\b${x.port}\\b`))];

  it('refuses introspection at the gateway and at every subgraph', async () => {
    const gql = caller(p.gatewayUrl, tokenFor(ADMIN));
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Teacher") { fields { name } } }']) {
      const r = await gql(query);
      expect(r.data ?? null).toBeNull();
      expect(r.errors?.[0].message).toMatch(/introspection is not allowed/i);
    }
    for (const s of p.services) {
      const r = await caller(s.graphqlUrl, tokenFor(ADMIN), p.keys.gatewaySecret)('{ __schema { types { name } } }');
      expect(r.errors?.[0].message).toMatch(/introspection is not allowed/i);
    }
    // the control: the same tokens and endpoints answer an ordinary query
    expect((await gql('{ schools(first: 1) { totalCount } }')).data).toEqual({ schools: { totalCount: expect.any(Number) } });
  });

  it('suggests no field names in production, at the gateway or at a subgraph (issue 16, finding 9)', async () => {
    const typo = '{ teacherz(first: 1) { totalCount } schools(first: 1) { totalCont } }';
    const r = await caller(p.gatewayUrl, tokenFor(ADMIN))(typo);
    expect(r.errors?.length).toBeGreaterThan(0);
    for (const e of r.errors ?? []) expect(e.message).not.toMatch(/Did you mean|teachers|totalCount/);
    const s = await caller(p.services[0].graphqlUrl, tokenFor(ADMIN), p.keys.gatewaySecret)(typo);
    for (const e of s.errors ?? []) expect(e.message).not.toMatch(/Did you mean/);
  });

  it('serves no landing page at the gateway or at a subgraph', async () => {
    for (const [url, headers] of [
      [p.gatewayUrl, {}],
      ...p.services.map((s) => [s.graphqlUrl, { 'x-gateway-secret': p.keys.gatewaySecret }] as const),
    ] as Array<[string, Record<string, string>]>) {
      const res = await fetch(url, { headers: { accept: 'text/html', ...headers } });
      const text = await res.text();
      expect({ url, html: /text\/html/.test(res.headers.get('content-type') ?? '') }).toEqual({ url, html: false });
      expect(text).not.toMatch(/<html|<!doctype|sandbox|landing/i);
    }
  });

  /** Renames a table of a service's SQLite database while it runs: its next statements fail. */
  function breakTable(service: string, table: string): () => void {
    const db = new Database(p.sqliteFile(service));
    try {
      db.exec(`ALTER TABLE ${table} RENAME TO ${table}_away`);
    } finally {
      db.close();
    }
    return () => {
      const again = new Database(p.sqliteFile(service));
      try {
        again.exec(`ALTER TABLE ${table}_away RENAME TO ${table}`);
      } finally {
        again.close();
      }
    };
  }

  it('answers an internal error without stack, SQL or hosts, with a request id found in the logs', async () => {
    const gql = caller(p.gatewayUrl, tokenFor(ADMIN));
    const query = `{ teachers(first: 3) { nodes { name pay(year: ${year}) { annualIncome } } } }`;
    const before = await gql(query);
    expect(before.errors).toBeUndefined();

    const repair = breakTable('compensation', 'pay_record');
    let r: Answer;
    try {
      r = await gql(query);
    } finally {
      repair();
    }
    // the fields other subgraphs answer are still there
    expect(r.data.teachers.nodes.map((t: { name: string }) => t.name)).toEqual(before.data.teachers.nodes.map((t: { name: string }) => t.name));
    expect(r.errors?.length).toBeGreaterThan(0);
    const error = r.errors![0];
    expect(error.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const requestId = error.extensions?.requestId as string;
    expect(requestId).toMatch(/^[\w-]{8,}$/);
    expect(error.message).toBe(`Internal server error (request ${requestId})`);
    expect(r.text).not.toMatch(/stack|\bat .*\.js|select |from |pay_record|sqlite|no such table|QueryFailed/i);
    for (const place of internalPlaces()) expect(r.text).not.toMatch(place);

    // the request id finds the real error in the subgraph's log, and the request in the gateway's
    const logged = p.process('compensation').log().split('\n').filter((l) => l.includes(requestId));
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join('\n')).toMatch(/no such table: pay_record/);
    expect(p.gateway.log()).toContain(requestId);

    // repaired, the same query is whole again
    expect((await gql(query)).errors).toBeUndefined();
  });

  it('answers a bulk write that fails inside with the masked error too, and writes nothing', async () => {
    const gql = caller(p.gatewayUrl, tokenFor(ADMIN));
    const teachers = (await gql('{ teachers(first: 3) { nodes { id } } }')).data.teachers.nodes as Array<{ id: string }>;
    const rows = teachers.map((t, i) => ({ teacherId: t.id, year, annualIncome: `${123400 + i}.56` }));
    const before = await gql(`{ teachers(first: 3) { nodes { pay(year: ${year}) { annualIncome } } } }`);
    const repair = breakTable('compensation', 'pay_record');
    let r: Answer;
    try {
      r = await gql('mutation($rows: [PayRecordInput!]!) { upsertPayRecords(rows: $rows) { written } }', { rows });
    } finally {
      repair();
    }
    expect(r.errors?.[0].message).toMatch(/^Internal server error \(request [\w-]+\)$/);
    expect(r.text).not.toMatch(/123400\.56|insert|pay_record/i);
    expect(await gql(`{ teachers(first: 3) { nodes { pay(year: ${year}) { annualIncome } } } }`)).toMatchObject({ data: before.data });
  });

  it('answers a refused token without the subgraph URL, status line or body', async () => {
    const forged = `${tokenFor(ADMIN).split('.').slice(0, 2).join('.')}.${'A'.repeat(43)}`;
    issued.push(forged);
    const r = await caller(p.gatewayUrl, forged)('{ teachers(first: 1) { nodes { id } } }');
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0].extensions).not.toHaveProperty('response');
    expect(r.text).not.toMatch(/stack|Unauthorized/);
    for (const place of internalPlaces()) expect(r.text).not.toMatch(place);
  });

  it('writes structured JSON logs that hold no token, ID number or pay figure of the run', async () => {
    const gql = caller(p.gatewayUrl, tokenFor(ADMIN));
    // the personal data the run handled: every ID number and every pay figure of the district
    const idNumbers: string[] = [];
    for (let after: string | null = null; ; ) {
      const page: any = (await gql('query($after: String) { teachers(first: 1000, after: $after) { nodes { idNumber } pageInfo { hasNextPage endCursor } } }', { after })).data.teachers;
      idNumbers.push(...page.nodes.map((t: { idNumber: string }) => t.idNumber));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const pay: string[] = [];
    for (const y of [year - 1, year]) {
      for (let after: string | null = null; ; ) {
        const page: any = (await gql('query($y: Int!, $after: String) { payRecords(first: 1000, after: $after, filter: { year: $y }) { nodes { annualIncome } pageInfo { hasNextPage endCursor } } }', { y, after })).data.payRecords;
        pay.push(...page.nodes.map((r: { annualIncome: string }) => r.annualIncome));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
    }
    expect(idNumbers.length).toBeGreaterThan(1000);
    expect(pay.length).toBeGreaterThan(1000);

    // a request whose failure carries an ID number and a token in what the client sent
    const victim = idNumbers[0];
    await caller(p.gatewayUrl, tokenFor(ADMIN))(`{ teacherByIdNumber(idNumber: "${victim}") { name pay(year: ${year}) { annualIncome } } }`, undefined, { 'x-request-id': victim });
    const repair = breakTable('personnel', 'teacher');
    try {
      await caller(p.gatewayUrl, tokenFor(ADMIN))('query($n: String!) { teacherByIdNumber(idNumber: $n) { name } }', { n: victim });
    } finally {
      repair();
    }

    const logs = p.all.map((x) => ({ name: x.name, text: x.log() }));
    for (const { name, text } of logs) {
      const lines = text.split('\n').filter((l) => l.trim());
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        let entry: Record<string, unknown> | undefined;
        try {
          entry = JSON.parse(line) as Record<string, unknown>;
        } catch {
          entry = undefined;
        }
        expect({ process: name, line, json: !!entry && typeof entry === 'object' }).toEqual({ process: name, line, json: true });
        expect(entry).toMatchObject({ time: expect.any(String), level: expect.any(String), service: expect.any(String), msg: expect.any(String) });
      }
    }
    const all = logs.map((l) => l.text).join('\n');
    expect(all).toMatch(/request failed/);
    for (const token of issued) {
      expect(all).not.toContain(token);
      expect(all).not.toContain(token.split('.')[2]);
    }
    const leakedIds = idNumbers.filter((n) => all.includes(n));
    expect(leakedIds).toEqual([]);
    const leakedPay = pay.filter((yuan) => {
      const fen = yuan.replace('.', '').replace(/^0+/, '');
      return new RegExp(`(?<![\\d.])${yuan.replace('.', '\\.')}(?!\\d)`).test(all) || new RegExp(`(?<![\\w-])${fen}(?![\\w-])`).test(all);
    });
    expect(leakedPay).toEqual([]);
  });
});
