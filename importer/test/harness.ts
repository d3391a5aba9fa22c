import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { composeSupergraph, GatewayOptions, startGateway } from '@tw/gateway';
import { ImporterHandle, ImporterSettings, openImporterDatabase, readImporterSettings, startImporter } from '@tw/importer';
import { Principal, ServiceModule, subgraphSdl } from '@tw/kernel';
import { freePort } from '@tw/kernel/launcher';
import { createTestDatabase, graphqlClient, TestDatabase, TestDatabaseKind, testClock, testKeys, tokenFor } from '@tw/kernel/testing';
import { buildPersonnelSchema, openPersonnelDatabase, startPersonnel } from '@tw/personnel';
import { DataSource } from 'typeorm';

export const ADMIN: Principal = { subject: 'district-admin', role: 'DISTRICT_ADMIN' };

/** A job as GET /imports/:id answers it. */
export interface JobJson {
  id: string;
  kind: string;
  status: string;
  rowsRead: number;
  rowsWritten: number;
  rowsCreated: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  rowsRejected: number;
  errorCode: string | null;
  errorMessage: string | null;
  errorReportUrl: string | null;
  sheet: string | null;
  errors: Array<{ sheet: string; row: number; column: string | null; value: string | null; code: string; message: string }>;
}

export interface UploadOptions {
  readonly fileName?: string;
  readonly school?: string;
  readonly dryRun?: boolean;
  readonly partial?: boolean;
  /** the day the rows took effect (the upload's asOf field) */
  readonly asOf?: string;
  readonly as?: Principal;
}

/**
 * Settings for tests: short polls, so queued jobs are seen quickly. The lease is 30 s: a test's instances
 * share one process, so one instance reading a file stalls every instance's heartbeat, and under the whole
 * suite's load a 4 s lease was declared lost (INSTANCE_LOST in CI) while its instance was alive. A test of
 * lost instances gives the instance it stops a short lease of its own.
 */
export function testSettings(over: Partial<ImporterSettings> = {}): ImporterSettings {
  const base = readImporterSettings({});
  return { ...base, leaseMs: 30_000, heartbeatMs: 1000, pollMs: 200, ...over, limits: { ...base.limits, ...over.limits } };
}

/** The subgraphs besides personnel an import platform may run (the kinds they own import into them). */
export type OtherService = 'professional-development' | 'compensation' | 'governance';

const otherModule = async (name: OtherService): Promise<ServiceModule> =>
  name === 'professional-development' ? await import('@tw/professional-development') : name === 'compensation' ? await import('@tw/compensation') : await import('@tw/governance');

/**
 * Personnel, the importer and the gateway in this process, on fresh databases of `kind`: the
 * gateway forwards /imports and /templates to the importer as in production. `services` adds the
 * other subgraphs (each on its own database), for the kinds they own.
 */
export async function startImportPlatform(
  kind: TestDatabaseKind,
  o: { settings?: Partial<ImporterSettings>; services?: readonly OtherService[]; gateway?: Pick<GatewayOptions, 'metrics' | 'trustedDocuments'> } = {},
) {
  const keys = testKeys();
  const others = await Promise.all((o.services ?? []).map(async (name) => ({ name, mod: await otherModule(name) })));
  const supergraph = composeSupergraph([
    { name: 'personnel', url: 'http://localhost:4001/graphql', sdl: subgraphSdl(await buildPersonnelSchema()) },
    ...(await Promise.all(others.map(async (x, i) => ({ name: x.name, url: `http://localhost:${4002 + i}/graphql`, sdl: subgraphSdl(await x.mod.buildServiceSchema()) })))),
    { name: 'importer', url: 'http://localhost:4005/graphql', sdl: subgraphSdl(await (await import('@tw/importer')).buildImporterSchema()) },
  ]);
  const personnelDb = await createTestDatabase(kind, 'imp_personnel');
  const importerDb = await createTestDatabase(kind, 'imp_importer');
  const personnelDs = await openPersonnelDatabase({ url: personnelDb.url, dataDir: personnelDb.dataDir, sqliteFile: personnelDb.sqliteFile });
  const personnel = await startPersonnel({ dataSource: personnelDs, keys, production: false, clock: testClock });
  const gatewayPort = await freePort();
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  const running: Array<{ name: OtherService; url: string; ds: DataSource; db: TestDatabase; stop: () => Promise<void> }> = [];
  for (const x of others) {
    const db = await createTestDatabase(kind, `imp_${x.name.replace(/-/g, '_').slice(0, 8)}`);
    const ds = await x.mod.openServiceDatabase({ url: db.url, dataDir: db.dataDir, sqliteFile: db.sqliteFile });
    const handle = await x.mod.startServiceServer({ dataSource: ds, keys, production: false, clock: testClock, gatewayUrl });
    running.push({ name: x.name, url: handle.url, ds, db, stop: handle.stop });
  }
  const settings = testSettings(o.settings);
  const importerDs = await openImporterDatabase({ url: importerDb.url, dataDir: importerDb.dataDir, sqliteFile: importerDb.sqliteFile });
  const importer = await startImporter({ dataSource: importerDs, keys, production: false, gatewayUrl, settings });
  const subgraphUrls: Record<string, string> = { personnel: personnel.url, importer: importer.url, ...Object.fromEntries(running.map((r) => [r.name, r.url])) };
  const gateway = await startGateway({
    supergraphSdl: supergraph.supergraphSdl,
    subgraphUrls,
    gatewaySecret: keys.gatewaySecret,
    production: false,
    port: gatewayPort,
    ...o.gateway,
  });
  const origin = `http://127.0.0.1:${gatewayPort}`;
  const token = (p: Principal) => tokenFor(keys, p);
  const as = (p: Principal) => graphqlClient(gateway.url, { token: token(p) });
  const extra: Array<{ handle: ImporterHandle; ds: DataSource }> = [];

  const upload = async (importKind: string, file: string | Buffer, u: UploadOptions = {}) => {
    const form = new FormData();
    form.set('kind', importKind);
    if (u.school) form.set('school', u.school);
    if (u.dryRun) form.set('dryRun', 'true');
    if (u.partial) form.set('partial', 'true');
    if (u.asOf) form.set('asOf', u.asOf);
    const data = typeof file === 'string' ? fs.readFileSync(file) : file;
    form.set('file', new Blob([data]), u.fileName ?? (typeof file === 'string' ? path.basename(file) : 'upload.xlsx'));
    const res = await fetch(`${origin}/imports`, { method: 'POST', headers: { authorization: `Bearer ${token(u.as ?? ADMIN)}` }, body: form });
    return { status: res.status, body: (await res.json()) as JobJson & { error?: { code: string; message: string } } };
  };

  const job = async (id: string, as: Principal = ADMIN): Promise<JobJson> => {
    const res = await fetch(`${origin}/imports/${id}?errors=1000`, { headers: { authorization: `Bearer ${token(as)}` } });
    if (res.status !== 200) throw new Error(`GET /imports/${id}: ${res.status} ${await res.text()}`);
    return (await res.json()) as JobJson;
  };

  const waitJob = async (id: string, as: Principal = ADMIN, timeoutMs = 120_000): Promise<JobJson> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const j = await job(id, as);
      if (['succeeded', 'failed', 'partially_succeeded'].includes(j.status)) return j;
      if (Date.now() > deadline) throw new Error(`job ${id} still ${j.status} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  /** Uploads and waits for the job to end; fails the test when the upload is refused. */
  const importFile = async (importKind: string, file: string | Buffer, u: UploadOptions = {}): Promise<JobJson> => {
    const up = await upload(importKind, file, u);
    if (up.status !== 202) throw new Error(`upload refused: ${up.status} ${JSON.stringify(up.body)}`);
    return waitJob(up.body.id, u.as ?? ADMIN);
  };

  return {
    keys,
    kind,
    origin,
    gatewayUrl: gateway.url,
    gateway,
    supergraphSdl: supergraph.supergraphSdl,
    subgraphUrls,
    personnelDs,
    importerDs,
    /** the data source of another subgraph the platform runs */
    ds(name: OtherService): DataSource {
      const r = running.find((x) => x.name === name);
      if (!r) throw new Error(`the platform does not run ${name}`);
      return r.ds;
    },
    importerDb,
    importer,
    settings,
    admin: as(ADMIN),
    as,
    token,
    upload,
    job,
    waitJob,
    importFile,
    /** the instances added with addImporter */
    async instances() {
      return extra.map((e) => e.handle);
    },
    /** another importer instance on the same database (its own worker) */
    async addImporter(over: Partial<ImporterSettings> = {}, runJobs = true) {
      const ds = await openImporterDatabase({ url: importerDb.url, dataDir: importerDb.dataDir, sqliteFile: importerDb.sqliteFile });
      const handle = await startImporter({ dataSource: ds, keys, production: false, gatewayUrl, settings: testSettings({ ...o.settings, ...over }), runJobs });
      extra.push({ handle, ds });
      return handle;
    },
    async stop() {
      await gateway.stop();
      for (const e of extra) await e.handle.stop().catch(() => undefined);
      await importer.stop();
      for (const r of running) await r.stop();
      await personnel.stop();
      for (const r of running) await r.db.drop();
      await personnelDb.drop();
      await importerDb.drop();
    },
  };
}

export type ImportPlatform = Awaited<ReturnType<typeof startImportPlatform>>;

/** A temporary folder for the files a test writes, removed by the returned function. */
export function tempFolder(label: string): { dir: string; file: (name: string) => string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tw-${label}-`));
  return { dir, file: (name) => path.join(dir, name), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The sample school files of ../shared/samples, kept in the repository so a clean clone tests them. */
export const SAMPLES = path.resolve(__dirname, 'fixtures/samples');


export type { TestDatabase };
