/**
 * npm run bench:preview — how long a clerk waits for the preview of a school's roster (3,000 rows by
 * default): the file checked by the zip guard, the sheet and header found, the first 20 rows read
 * against the kind, in process (previewFile) and through the gateway (POST /imports/preview: upload,
 * the school looked up, its column mappings read), on embedded SQLite. Prints the median and the
 * fastest of BENCH_RUNS (10) runs after a warm-up.
 *
 * Settings: BENCH_ROWS (3000), BENCH_RUNS (10).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { composeSupergraph, startGateway } from '@tw/gateway';
import { buildImporterSchema, DEFAULT_FILE_LIMITS, openImporterDatabase, previewFile, schoolsKind, startImporter, teachersKind, writeKindXlsx } from '@tw/importer';
import { ServiceModule, subgraphSdl } from '@tw/kernel';
import { freePort } from '@tw/kernel/launcher';
import { createTestDatabase, testKeys, tokenFor } from '@tw/kernel/testing';
import { benchSchools, benchTeachers } from './generate-district';

const ROOT = path.resolve(__dirname, '../../..');
const ROWS = Number(process.env.BENCH_ROWS ?? 3000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const say = (s: string) => process.stdout.write(`${s}\n`);
const personnelModule = () => require(path.join(ROOT, 'services/personnel/dist/index.js')) as ServiceModule;

/** The median and the fastest of `runs` timings of `f`, after one warm-up run. */
async function timed(runs: number, f: () => Promise<unknown>): Promise<{ median: number; min: number }> {
  await f();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await f();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], min: ms[0] };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-preview-bench-'));
  const [school] = benchSchools(1);
  const file = path.join(dir, 'roster.xlsx');
  // a school's roster: a title row, no school column (the upload names the school)
  await writeKindXlsx(teachersKind, benchTeachers(ROWS, [school]), file, { title: `${school.name}教职工花名册`, columns: teachersKind.columns.map((c) => c.key).filter((k) => k !== 'schoolCode' && k !== 'schoolName') });
  say(`roster: ${ROWS} rows, ${(fs.statSync(file).size / 1024).toFixed(0)} KB`);

  const inProcess = await timed(RUNS, () => previewFile(file, teachersKind, { fileName: 'roster.xlsx', limits: DEFAULT_FILE_LIMITS, schoolGiven: true }));
  say(`previewFile (guard + header + 20 rows): median ${inProcess.median.toFixed(0)} ms, fastest ${inProcess.min.toFixed(0)} ms`);

  const keys = testKeys();
  const personnel = personnelModule();
  const pdb = await createTestDatabase('sqlite', 'bench_personnel');
  const idb = await createTestDatabase('sqlite', 'bench_importer');
  const gatewayPort = await freePort();
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  const p = await personnel.startServiceServer({ dataSource: await personnel.openServiceDatabase({ url: pdb.url, dataDir: pdb.dataDir, sqliteFile: pdb.sqliteFile }), keys, production: true, gatewayUrl });
  const importer = await startImporter({ dataSource: await openImporterDatabase({ url: idb.url, dataDir: idb.dataDir, sqliteFile: idb.sqliteFile }), keys, production: true, gatewayUrl });
  const { supergraphSdl } = composeSupergraph([
    { name: 'personnel', url: p.url, sdl: subgraphSdl(await personnel.buildServiceSchema()) },
    { name: 'importer', url: importer.url, sdl: subgraphSdl(await buildImporterSchema()) },
  ]);
  const gateway = await startGateway({ supergraphSdl, subgraphUrls: { personnel: p.url, importer: importer.url }, gatewaySecret: keys.gatewaySecret, production: true, port: gatewayPort });
  try {
    const origin = `http://127.0.0.1:${gatewayPort}`;
    const token = tokenFor(keys, { subject: 'bench', role: 'DISTRICT_ADMIN' });
    const schools = path.join(dir, 'schools.xlsx');
    await writeKindXlsx(schoolsKind, [school], schools);
    const form = new FormData();
    form.set('kind', 'schools');
    form.set('file', new Blob([fs.readFileSync(schools)]), 'schools.xlsx');
    const up = await fetch(`${origin}/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    const job = (await up.json()) as { id: string };
    for (let s = ''; s !== 'succeeded'; ) {
      await new Promise((r) => setTimeout(r, 100));
      s = ((await (await fetch(`${origin}/imports/${job.id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { status: string }).status;
      if (s === 'failed') throw new Error('the school did not import');
    }
    const bytes = fs.readFileSync(file);
    let serverMs = 0;
    const http = await timed(RUNS, async () => {
      const f = new FormData();
      f.set('kind', 'teachers');
      f.set('school', school.code);
      f.set('file', new Blob([bytes]), 'roster.xlsx');
      const r = await fetch(`${origin}/imports/preview`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: f });
      const body = (await r.json()) as { rows?: unknown[]; ms?: number; error?: unknown };
      if (r.status !== 200 || body.rows?.length !== 20) throw new Error(`preview failed: ${r.status} ${JSON.stringify(body).slice(0, 300)}`);
      serverMs = body.ms ?? 0;
    });
    say(`POST /imports/preview through the gateway (upload, school, mappings, guard, 20 rows): median ${http.median.toFixed(0)} ms, fastest ${http.min.toFixed(0)} ms (the importer's own part of the last run: ${serverMs} ms)`);
  } finally {
    await gateway.stop();
    await importer.stop();
    await p.stop();
    await pdb.drop();
    await idb.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);
