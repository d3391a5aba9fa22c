/**
 * Faults, with the platform as real processes in production mode: a subgraph stopped or killed and
 * started again, a service's database cut off and given back (through a TCP proxy, never stopping
 * the shared MariaDB), and a bulk write killed in the middle of its transaction.
 */
import Database from 'better-sqlite3';
import { IsolatedPlatform, launchIsolatedPlatform } from '@tw/kernel/launcher';
import { createTestDatabase, TestDatabase, testDatabaseKinds } from '@tw/kernel/testing';
import { Answer, caller } from '../src/callers';
import { TcpProxy } from '../src/tcp-proxy';
import { bulk, BulkAnswer, SmallDistrict, seedSmallDistrict, UPSERT } from './hardening-seed';

const ADMIN = { subject: 'district-admin', role: 'DISTRICT_ADMIN' } as const;
const FETCH_TIMEOUT_MS = 3000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it holds (a process recovering by itself), failing with `what` after `timeoutMs`. */
async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not after ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

const readyStatus = async (origin: string) => (await fetch(`${origin}/ready`, { signal: AbortSignal.timeout(10_000) })).status;

/** Where the platform runs, which no answer may name. */
function internalPlaces(p: IsolatedPlatform): RegExp[] {
  return [/127\.0\.0\.1/, /localhost/, /ECONN/, ...p.all.map((x) => new RegExp(`\\b${x.port}\\b`))];
}

describe('a subgraph stopped, killed or frozen, then back', () => {
  let p: IsolatedPlatform;
  let d: SmallDistrict;
  beforeAll(async () => {
    // a frozen subgraph is given up on after 3 s instead of the default 30
    p = await launchIsolatedPlatform({ production: true, env: { GATEWAY_SUBGRAPH_TIMEOUT_MS: String(FETCH_TIMEOUT_MS) } });
    d = await seedSmallDistrict(caller(p.gatewayUrl, p.token(ADMIN)), 2, 10);
  }, 600_000);
  afterAll(() => p?.stop());

  const query = () => `{ teachers(first: 5) { nodes { id name trainingHours pay(year: ${d.year}) { annualIncome } ethics(year: ${d.year}) { result } } } }`;
  type Page = { teachers: { nodes: Array<{ id: string; name: string; trainingHours: number | null; pay: { annualIncome: string } | null; ethics: { result: string } | null }> } };

  it.each([
    ['compensation', 'stopped (SIGTERM)', 'SIGTERM', 'pay'],
    ['governance', 'killed (SIGKILL)', 'SIGKILL', 'ethics'],
    ['professional-development', 'killed (SIGKILL)', 'SIGKILL', 'trainingHours'],
  ] as const)('with %s %s the gateway answers the other fields and reports the missing ones; started again, answers are whole', async (service, _how, signal, field) => {
    const gql = caller(p.gatewayUrl, p.token(ADMIN));
    const gatewayPid = p.gateway.pid;
    const whole = await gql<Page>(query());
    expect(whole.errors).toBeUndefined();
    const nodes = whole.data!.teachers.nodes;
    expect(nodes).toHaveLength(5);
    for (const t of nodes) {
      expect(t.pay?.annualIncome).toBe(d.pay.get(t.id));
      expect(t.ethics?.result).toBe('COMPETENT');
      expect(t.trainingHours).toBe(24);
    }

    await p.process(service).stop(signal);
    const partial = await gql<Page>(query());
    expect(partial.status).toBe(200);
    // every field the running subgraphs own is there; the stopped one's are null
    expect(partial.data!.teachers.nodes).toEqual(nodes.map((t) => ({ ...t, [field]: null })));
    expect(partial.errors?.length).toBeGreaterThan(0);
    for (const e of partial.errors!) {
      expect(e.extensions?.code).toBe('UNAVAILABLE');
      expect(e.message).toMatch(/cannot be reached just now: the fields it answers are missing/);
      // the request id of the answer finds why in the gateway's log
      expect(p.gateway.log().split('\n').find((l) => l.includes(String(e.extensions?.requestId)))).toMatch(/subgraph fetch failed/);
    }
    for (const place of internalPlaces(p)) expect(partial.text).not.toMatch(place);
    expect(await readyStatus(p.gateway.origin)).toBe(503);

    await p.process(service).start();
    const again = await gql<Page>(query());
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(whole.data);
    expect(await readyStatus(p.gateway.origin)).toBe(200);
    // the same gateway process all along
    expect(p.gateway.pid).toBe(gatewayPid);
  });

  it('names the stopped subgraph in the error, so a client knows which fields are missing', async () => {
    const gql = caller(p.gatewayUrl, p.token(ADMIN));
    await p.process('compensation').stop();
    try {
      const r = await gql(query());
      expect(r.errors?.[0].extensions?.serviceName).toBe('compensation');
      expect(r.errors?.[0].message).toMatch(/^The compensation service cannot be reached/);
    } finally {
      await p.process('compensation').start();
    }
  });

  it('gives up on a frozen subgraph (alive, answering nothing) after the fetch time limit, and is whole again once it resumes', async () => {
    const gql = caller(p.gatewayUrl, p.token(ADMIN));
    const whole = await gql<Page>(query());
    expect(whole.errors).toBeUndefined();
    p.process('governance').freeze();
    let partial: Answer<Page>;
    try {
      partial = await gql<Page>(query());
    } finally {
      p.process('governance').resume();
    }
    expect(partial.data!.teachers.nodes).toEqual(whole.data!.teachers.nodes.map((t) => ({ ...t, ethics: null })));
    expect(partial.errors?.map((e) => [e.extensions?.code, e.extensions?.serviceName])).toEqual(partial.errors?.map(() => ['UNAVAILABLE', 'governance']));
    expect(partial.errors?.[0].message).toBe(`The governance service did not answer within ${FETCH_TIMEOUT_MS / 1000} s: the fields it answers are missing`);
    await eventually('governance answers again', async () => !(await gql<Page>(query())).errors);
    expect((await gql<Page>(query())).data).toEqual(whole.data);
  });

  it('answers a query only the stopped subgraph serves with an error and no data, and keeps serving the others', async () => {
    const gql = caller(p.gatewayUrl, p.token(ADMIN));
    await p.process('compensation').stop('SIGKILL');
    try {
      const r = await gql(`{ payParity(year: ${d.year}) { year } }`);
      expect(r.status).toBe(200);
      expect(r.data ?? null).toBeNull();
      expect(r.errors?.[0].extensions?.code).toBe('UNAVAILABLE');
      expect((await gql('{ schools(first: 1) { totalCount } }')).data).toEqual({ schools: { totalCount: 2 } });
    } finally {
      await p.process('compensation').start();
    }
    expect((await gql(`{ payParity(year: ${d.year}) { year } }`)).data).toEqual({ payParity: { year: d.year } });
  });
});

const mysqlOnly = testDatabaseKinds().includes('mysql') ? describe : describe.skip;

mysqlOnly("a service's MariaDB cut off and given back (a TCP proxy in between)", () => {
  let p: IsolatedPlatform;
  let d: SmallDistrict;
  let db: TestDatabase;
  let proxy: TcpProxy;
  beforeAll(async () => {
    db = await createTestDatabase('mysql', 'faults_comp');
    const url = new URL(db.url!);
    proxy = await TcpProxy.start(url.hostname, Number(url.port || 3306));
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    p = await launchIsolatedPlatform({ production: true, databaseUrls: { compensation: url.toString() } });
    d = await seedSmallDistrict(caller(p.gatewayUrl, p.token(ADMIN)), 2, 20);
  }, 600_000);
  afterAll(async () => {
    await p?.stop();
    await proxy?.close();
    await db?.drop();
  });

  const query = () => `{ teachers(first: 20) { nodes { id name pay(year: ${d.year}) { annualIncome } } } }`;
  type Page = { teachers: { nodes: Array<{ id: string; name: string; pay: { annualIncome: string } | null }> } };

  it('answers a clear UNAVAILABLE error and fails /ready while cut, and recovers by itself when given back', async () => {
    const gql = caller(p.gatewayUrl, p.token(ADMIN));
    const compensation = p.process('compensation');
    const pid = compensation.pid;
    // fill the pool with several connections, all of which the cut will kill while idle
    const warm = await Promise.all(Array.from({ length: 12 }, () => gql<Page>(query())));
    for (const r of warm) expect(r.errors).toBeUndefined();
    const whole = warm[0].data!;
    expect(whole.teachers.nodes.every((t) => t.pay?.annualIncome === d.pay.get(t.id))).toBe(true);

    proxy.cut();
    await eventually('/ready fails once the database is cut off', async () => (await readyStatus(compensation.origin)) === 503);
    for (let i = 0; i < 3; i++) {
      const r = await gql<Page>(query());
      expect(r.data!.teachers.nodes.map((t) => t.name)).toEqual(whole.teachers.nodes.map((t) => t.name));
      expect(r.data!.teachers.nodes.every((t) => t.pay === null)).toBe(true);
      expect(r.errors?.[0].extensions?.code).toBe('UNAVAILABLE');
      expect(r.errors?.[0].message).toMatch(/^The compensation service cannot reach its database just now: try again shortly \(request [\w-]+\)$/);
      for (const place of [...internalPlaces(p), new RegExp(`\\b${proxy.port}\\b`)]) expect(r.text).not.toMatch(place);
    }
    expect(await readyStatus(p.gateway.origin)).toBe(503);

    const connectionsBefore = proxy.connections;
    proxy.restore();
    await eventually('/ready answers again once the database is back', async () => (await readyStatus(compensation.origin)) === 200);
    // once ready, no request fails: every dead pooled connection has been replaced
    const after = await Promise.all(Array.from({ length: 24 }, () => gql<Page>(query())));
    for (const r of after) {
      expect(r.errors).toBeUndefined();
      expect(r.data).toEqual(whole);
    }
    expect(proxy.connections).toBeGreaterThan(connectionsBefore);
    expect(compensation.pid).toBe(pid);
    expect(await readyStatus(p.gateway.origin)).toBe(200);
  });

  it('recovers from a cut in the middle of requests too', async () => {
    const gql = caller(p.gatewayUrl, p.token(ADMIN));
    const inFlight = Promise.all(Array.from({ length: 16 }, () => gql<Page>(query())));
    await sleep(5);
    proxy.cut();
    // each request answers (whole, or with the error), none hangs
    for (const r of await inFlight) {
      expect(r.status).toBe(200);
      if (r.errors) expect(r.errors.map((e) => e.extensions?.code)).toEqual(r.errors.map(() => 'UNAVAILABLE'));
    }
    proxy.restore();
    await eventually('/ready answers again', async () => (await readyStatus(p.process('compensation').origin)) === 200);
    const after = await Promise.all(Array.from({ length: 16 }, () => gql<Page>(query())));
    for (const r of after) expect(r.errors).toBeUndefined();
  });
});

const BATCH = 150;

describe.each(testDatabaseKinds())('a bulk write killed in the middle of its transaction, on %s', (kind) => {
  let p: IsolatedPlatform;
  let d: SmallDistrict;
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = kind === 'mysql' ? await createTestDatabase('mysql', 'faults_pers') : undefined;
    p = await launchIsolatedPlatform({ production: true, databaseUrls: db ? { personnel: db.url! } : {} });
    d = await seedSmallDistrict(caller(p.gatewayUrl, p.token(ADMIN)), 12, 2);
    expect(d.unwritten.length).toBeGreaterThanOrEqual(3 * BATCH);
  }, 600_000);
  afterAll(async () => {
    await p?.stop();
    await db?.drop();
  });

  /** What personnel holds: how many teachers, and how many ID numbers are held twice. */
  async function census(): Promise<{ teachers: number; duplicated: number }> {
    const sql = {
      teachers: 'SELECT COUNT(*) AS n FROM teacher',
      duplicated: 'SELECT COUNT(*) AS n FROM (SELECT id_number FROM teacher GROUP BY id_type, id_number HAVING COUNT(*) > 1) d',
    };
    if (kind === 'sqlite') {
      const sqlite = new Database(p.sqliteFile('personnel'), { readonly: true });
      try {
        return { teachers: (sqlite.prepare(sql.teachers).get() as { n: number }).n, duplicated: (sqlite.prepare(sql.duplicated).get() as { n: number }).n };
      } finally {
        sqlite.close();
      }
    }
    const mysql = await import('mysql2/promise');
    const conn = await mysql.createConnection(db!.url!);
    try {
      const [[t]] = (await conn.query(sql.teachers)) as unknown as [[{ n: number }]];
      const [[dup]] = (await conn.query(sql.duplicated)) as unknown as [[{ n: number }]];
      return { teachers: Number(t.n), duplicated: Number(dup.n) };
    } finally {
      await conn.end();
    }
  }

  /**
   * Resolves true when personnel is in the middle of a write transaction, false if `done` settles
   * first. On SQLite another writer's lock makes BEGIN IMMEDIATE fail at once. On MariaDB the audit
   * log, which a bulk call writes after its rows, is locked (LOCK TABLES, this database only), so the
   * transaction waits there holding its written rows, which information_schema shows; `release()`
   * unlocks it.
   */
  async function catchMidWrite(done: () => boolean): Promise<{ caught: boolean; release(): Promise<void> }> {
    if (kind === 'sqlite') {
      const probe = new Database(p.sqliteFile('personnel'), { timeout: 0 });
      try {
        while (!done()) {
          try {
            probe.exec('BEGIN IMMEDIATE');
            probe.exec('ROLLBACK');
          } catch (e) {
            if ((e as { code?: string }).code === 'SQLITE_BUSY') return { caught: true, release: async () => {} };
            throw e;
          }
          await sleep(1);
        }
        return { caught: false, release: async () => {} };
      } finally {
        probe.close();
      }
    }
    const mysql = await import('mysql2/promise');
    const locker = await mysql.createConnection(db!.url!);
    const watcher = await mysql.createConnection(db!.url!);
    const name = new URL(db!.url!).pathname.slice(1);
    await locker.query('LOCK TABLES audit_log WRITE');
    const release = async () => {
      await locker.query('UNLOCK TABLES');
      await locker.end();
    };
    try {
      const deadline = Date.now() + 20_000;
      while (!done() && Date.now() < deadline) {
        const [rows] = (await watcher.query(
          'SELECT t.trx_rows_modified AS modified FROM information_schema.innodb_trx t JOIN information_schema.processlist l ON l.id = t.trx_mysql_thread_id WHERE l.db = ? AND t.trx_rows_modified > 0',
          [name],
        )) as unknown as [Array<{ modified: number }>];
        if (rows.length) return { caught: true, release };
        // information_schema.innodb_trx is a cache refreshed only when it was not read for 0.1 s
        await sleep(150);
      }
      await release();
      return { caught: false, release: async () => {} };
    } finally {
      await watcher.end();
    }
  }

  /** Resolves when MariaDB has rolled back every transaction of personnel's database (a dead client's included). */
  async function noOpenTransaction(): Promise<void> {
    if (kind === 'sqlite') return;
    const mysql = await import('mysql2/promise');
    const conn = await mysql.createConnection(db!.url!);
    const name = new URL(db!.url!).pathname.slice(1);
    try {
      await eventually('the killed transaction is rolled back', async () => {
        const [rows] = (await conn.query('SELECT COUNT(*) AS n FROM information_schema.innodb_trx t JOIN information_schema.processlist l ON l.id = t.trx_mysql_thread_id WHERE l.db = ? AND l.id <> CONNECTION_ID()', [
          name,
        ])) as unknown as [Array<{ n: number }>];
        return Number(rows[0].n) === 0;
      });
    } finally {
      await conn.end();
    }
  }

  it('leaves no half-written batch, and the same call run again completes without duplicates', async () => {
    const gql = caller(p.gatewayUrl, p.token(ADMIN));
    const personnel = p.process('personnel');
    const base = await census();
    expect(base.duplicated).toBe(0);

    // a batch whose write takes long enough to be caught: up to three tries, a fresh batch each
    let caught = false;
    let rows: unknown[] = [];
    for (let attempt = 0; attempt < 3 && !caught; attempt++) {
      rows = d.unwritten.slice(attempt * BATCH, (attempt + 1) * BATCH);
      const before = await census();
      let settled = false;
      const call = gql<{ r: BulkAnswer }>(UPSERT('upsertTeachers', 'TeacherInput'), { rows }).finally(() => {
        settled = true;
      });
      const mid = await catchMidWrite(() => settled);
      caught = mid.caught;
      if (caught) {
        await personnel.kill();
        await mid.release();
      }
      const answer = await call;
      if (caught) {
        // the caller learns the call failed, and nothing of the batch is stored
        expect(answer.data?.r ?? null).toBeNull();
        expect(answer.errors?.[0].extensions?.code).toBe('UNAVAILABLE');
        await noOpenTransaction();
        expect(await census()).toEqual(before);
        await personnel.start();
      } else {
        expect(answer.data!.r.created).toBe(rows.length);
      }
    }
    expect(caught).toBe(true);

    const before = await census();
    const again = await bulk(gql, 'upsertTeachers', 'TeacherInput', rows);
    expect(again[0]).toMatchObject({ created: rows.length, rejected: 0, written: true });
    const thrice = await bulk(gql, 'upsertTeachers', 'TeacherInput', rows);
    expect(thrice[0]).toMatchObject({ created: 0, updated: 0, unchanged: rows.length, written: false });
    expect(await census()).toEqual({ teachers: before.teachers + rows.length, duplicated: 0 });
  });
});
