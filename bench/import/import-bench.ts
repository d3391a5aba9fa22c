/**
 * npm run bench:import — how fast a 100,000-row × 20-column teachers file imports, against how fast
 * ExcelJS alone can stream-read it and against the bare database write of the same rows, on MariaDB.
 *
 * The bench generates the file (≈100 schools created first, distinct valid ID numbers), times a bare
 * ExcelJS streaming read of it (every cell touched), then starts the platform as processes through
 * the launcher, as npm start does, with personnel and the importer on MariaDB databases it creates
 * (and drops at the end) and the other subgraphs idle on SQLite, uploads the file through the
 * gateway and polls the job to its end. Then, in the same run, the bare limit: the rows the import
 * wrote into personnel's tables (the teachers, their versions and audit entries) are read back and
 * written again into empty copies of those tables (CREATE TABLE … LIKE, in a database of its own on
 * the same server) by plain multi-row INSERT … ON DUPLICATE KEY UPDATE statements from this one
 * process, a transaction per batch of the importer's size (see bare-write.ts). It prints rows/s of
 * the three, the ratios of the full import to the bare read and to the bare write, the importer
 * process's peak RSS (VmHWM) and the CPU time each process spent.
 *
 * Then (or, with BENCH_CASE=review, only) the submission-and-approval case: see reviewCase.
 * Settings: BENCH_ROWS (100000), BENCH_SCHOOLS (100), BENCH_MYSQL_URL (default TEST_MYSQL_URL or
 * mysql://root@127.0.0.1:3306), IMPORTER_BATCH_ROWS and IMPORTER_IN_FLIGHT (passed to the importer),
 * BENCH_KEEP_FILE=1 keeps the generated file, BENCH_IMPORTER_NODE_ARGS
 * and BENCH_PERSONNEL_NODE_ARGS (e.g. --cpu-prof --cpu-prof-dir=/tmp/prof) for the two processes.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { teachersKind, writeKindXlsx } from '@tw/importer';
import { IsolatedPlatform, launchIsolatedPlatform, processStats } from '@tw/kernel/launcher';
import { bareWrite, RAW_ROWS, rowsWritten, tablesBefore } from './bare-write';
import { benchSchools, benchTeachers } from './generate-district';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 100);
/**
 * The processes run as deployed (NODE_ENV=production, as the Dockerfile and docker-compose set it):
 * graphql-js checks every instanceof the slow way outside production, which cost the gateway and the
 * subgraph about a tenth of their time. npm run bench:import sets it (run the script with node directly
 * to measure development mode).
 */
const PRODUCTION = process.env.NODE_ENV === 'production';
/** rows per bulk call of the importer (IMPORTER_BATCH_ROWS), and per transaction of the bare write */
const BATCH_ROWS = Number(process.env.IMPORTER_BATCH_ROWS ?? 1000);
const MYSQL = (process.env.BENCH_MYSQL_URL ?? process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/^mariadb:/, 'mysql:');

const say = (s: string) => process.stdout.write(`${s}\n`);
const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));

/** ExcelJS's streaming reader over the file, touching every cell, as the baseline. */
async function bareRead(file: string): Promise<{ rows: number; ms: number }> {
  const t = Date.now();
  let rows = 0;
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
  for await (const ws of reader) {
    for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
      rows++;
      cells += (row.values as unknown[]).length;
    }
  }
  if (cells === 0) throw new Error('the bare read saw no cells');
  return { rows, ms: Date.now() - t };
}

function databaseUrl(name: string): string {
  const u = new URL(MYSQL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(sql: string): Promise<void> {
  const mysql = await import('mysql2/promise');
  const u = new URL(MYSQL);
  const conn = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) });
  try {
    await conn.query(sql);
  } finally {
    await conn.end();
  }
}

/** The database server's process, to see what share of the work it did (when it runs on this machine). */
function databasePid(): number | undefined {
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (/^(mariadbd|mysqld)$/.test(fs.readFileSync(`/proc/${name}/comm`, 'utf8').trim())) return Number(name);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

/** CPU seconds (user + system) a process has used so far. */
const cpuSeconds = (pid: number) => processStats(pid)?.cpuSeconds;

/** Peak resident set size of a process (VmHWM), MB. */
function peakRssMb(pid: number): number | undefined {
  const kb = processStats(pid)?.peakRssKb;
  return kb === undefined ? undefined : Math.round(kb / 1024);
}

/** node options from a setting such as BENCH_IMPORTER_NODE_ARGS */
const nodeArgs = (setting: string | undefined) => (setting ?? '').split(' ').filter(Boolean);

/**
 * The submission-and-approval case (issue 15; BENCH_CASE=review runs only it): a 1,000-row roster
 * (BENCH_REVIEW_ROWS) imported directly by the bureau, against another school's roster of the same size
 * imported by its SCHOOL_ADMIN (it ends as a pending submission) and then approved by the bureau in one
 * approvePersonnelSubmission call. Target: approval ≤ 1.5 × the direct import.
 */
/** Uploads a roster file to the gateway's /imports as `token`; answers the queued job. */
async function uploadTeachers(origin: string, file: string, token: string): Promise<{ id: string }> {
  const form = new FormData();
  form.set('kind', 'teachers');
  form.set('file', await fs.openAsBlob(file), path.basename(file));
  const up = await fetch(`${origin}/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const job = (await up.json()) as { id: string };
  if (up.status !== 202) throw new Error(`upload refused: ${JSON.stringify(job)}`);
  return job;
}

async function reviewCase(): Promise<void> {
  const rows = Number(process.env.BENCH_REVIEW_ROWS ?? 1000);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-bench-review-'));
  const suffix = randomBytes(3).toString('hex');
  const dbs = { personnel: `tw_bench_personnel_${suffix}`, importer: `tw_bench_importer_${suffix}` };
  let p: IsolatedPlatform | undefined;
  try {
    const schools = benchSchools(2);
    const all = [...benchTeachers(rows * 2, schools.slice(0, 1))];
    const direct = all.slice(0, rows);
    const held = all.slice(rows).map((r) => ({ ...r, schoolCode: schools[1].code, schoolName: schools[1].name }));
    const files = { direct: path.join(work, 'direct.xlsx'), held: path.join(work, 'held.xlsx') };
    await writeKindXlsx(teachersKind, direct, files.direct, { title: '基准测试教职工基本信息表' });
    await writeKindXlsx(teachersKind, held, files.held, { title: '基准测试教职工基本信息表' });
    p = await launchIsolatedPlatform({
      production: PRODUCTION,
      logLevel: 'warn',
      databaseUrls: { personnel: databaseUrl(dbs.personnel), importer: databaseUrl(dbs.importer) },
      output: { lines: (name, line) => process.stderr.write(`[${name}] ${line}\n`) },
    });
    const origin = p.gateway.origin;
    const bureau = p.token({ subject: 'bench', role: 'DISTRICT_ADMIN' });
    const gql = async (token: string, query: string, variables?: unknown) => {
      const res = await fetch(p!.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    await gql(bureau, 'mutation($rows: [SchoolInput!]!) { upsertSchools(rows: $rows) { created } }', { rows: schools });
    const ids = (await gql(bureau, '{ schools { nodes { id code } } }')).schools.nodes as Array<{ id: string; code: string }>;
    const clerk = p.token({ subject: 'bench-clerk', role: 'SCHOOL_ADMIN', schoolId: ids.find((x) => x.code === schools[1].code)!.id });
    const importFile = async (file: string, token: string): Promise<{ ms: number; job: any }> => {
      const t = Date.now();
      const job = await uploadTeachers(origin, file, token);
      for (;;) {
        await new Promise((r) => setTimeout(r, 100));
        const done: any = await (await fetch(`${origin}/imports/${job.id}?errors=3`, { headers: { authorization: `Bearer ${token}` } })).json();
        if (['succeeded', 'failed', 'partially_succeeded'].includes(done.status)) {
          if (done.status !== 'succeeded') throw new Error(`the import ${done.status}: ${done.errorMessage}`);
          return { ms: Date.now() - t, job: done };
        }
      }
    };
    const d = await importFile(files.direct, bureau);
    say(`direct import by the bureau: ${d.job.rowsCreated} rows created in ${(d.ms / 1000).toFixed(2)} s`);
    const h = await importFile(files.held, clerk);
    const submission = h.job.submissions?.[0]?.id as string | undefined;
    if (!submission || h.job.rowsSubmitted !== rows) throw new Error(`expected ${rows} rows in a submission, got ${JSON.stringify(h.job)}`);
    say(`the school's import, ending as a submission: ${h.job.rowsSubmitted} rows submitted in ${(h.ms / 1000).toFixed(2)} s`);
    const t = Date.now();
    const approved = (await gql(bureau, `mutation { approvePersonnelSubmission(id: "${submission}") { status approvedRows pendingRows } }`)).approvePersonnelSubmission;
    const approveMs = Date.now() - t;
    if (approved.approvedRows !== rows) throw new Error(`approval wrote ${JSON.stringify(approved)}`);
    const count = (await gql(bureau, '{ teachers(first: 1) { totalCount } }')).teachers.totalCount as number;
    if (count !== rows * 2) throw new Error(`expected ${rows * 2} teachers stored, found ${count}`);
    say(`approval of the ${rows}-row submission: ${(approveMs / 1000).toFixed(2)} s = ${(approveMs / d.ms).toFixed(2)} × the direct import (target ≤ 1.5)`);
    say(`machine: ${os.cpus().length} cores, Node ${process.version}, ${PRODUCTION ? 'production' : 'development'} mode`);
  } finally {
    await p?.stop();
    await admin(`DROP DATABASE IF EXISTS \`${dbs.personnel}\``).catch(() => undefined);
    await admin(`DROP DATABASE IF EXISTS \`${dbs.importer}\``).catch(() => undefined);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.env.BENCH_CASE === 'review') return reviewCase();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-bench-'));
  const suffix = randomBytes(3).toString('hex');
  const dbs = { personnel: `tw_bench_personnel_${suffix}`, importer: `tw_bench_importer_${suffix}`, bare: `tw_bench_bare_${suffix}` };
  let p: IsolatedPlatform | undefined;
  const mysql = await import('mysql2/promise');
  const u = new URL(MYSQL);
  const conn = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password), ...RAW_ROWS });
  try {
    const schools = benchSchools(SCHOOLS);
    const file = path.join(work, 'teachers-100k.xlsx');
    let t = Date.now();
    await writeKindXlsx(teachersKind, benchTeachers(ROWS, schools), file, { title: '基准测试教职工基本信息表' });
    say(`generated ${ROWS} rows × ${teachersKind.columns.length} columns in ${((Date.now() - t) / 1000).toFixed(1)} s: ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB`);

    const bare = await bareRead(file);
    say(`bare ExcelJS streaming read: ${bare.rows} rows in ${(bare.ms / 1000).toFixed(2)} s = ${rate(bare.rows, bare.ms)} rows/s`);

    p = await launchIsolatedPlatform({
      production: PRODUCTION,
      logLevel: 'warn',
      databaseUrls: { personnel: databaseUrl(dbs.personnel), importer: databaseUrl(dbs.importer) },
      nodeArgs: { personnel: nodeArgs(process.env.BENCH_PERSONNEL_NODE_ARGS), importer: nodeArgs(process.env.BENCH_IMPORTER_NODE_ARGS) },
      // the importer's batch size and batches in flight, when set, reach the importer (and the bare write's batch size is the same)
      env: Object.fromEntries(['IMPORTER_BATCH_ROWS', 'IMPORTER_IN_FLIGHT'].flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : []))),
      output: { lines: (name, line) => process.stderr.write(`[${name}] ${line}\n`) },
    });
    const gatewayUrl = p.gatewayUrl;
    const token = p.token({ subject: 'bench', role: 'DISTRICT_ADMIN' });
    const gql = async (query: string, variables?: unknown) => {
      const res = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const created = await gql('mutation($rows: [SchoolInput!]!) { upsertSchools(rows: $rows) { created rejected } }', { rows: schools });
    if (created.upsertSchools.rejected) throw new Error('schools were rejected');

    const origin = p.gateway.origin;
    const importer = p.process('importer');
    const dbPid = databasePid();
    const processes = { importer: importer.pid!, personnel: p.process('personnel').pid!, gateway: p.gateway.pid!, 'bench (this process)': process.pid, ...(dbPid ? { mariadb: dbPid } : {}) };
    // personnel's rows before the import, to tell the rows it writes
    const before = await tablesBefore(conn, dbs.personnel);
    const cpuBefore = Object.fromEntries(Object.entries(processes).map(([k, pid]) => [k, cpuSeconds(pid) ?? 0]));
    t = Date.now();
    const job = await uploadTeachers(origin, file, token);
    const uploadMs = Date.now() - t;
    let done: any;
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      done = await (await fetch(`${origin}/imports/${job.id}?errors=3`, { headers: { authorization: `Bearer ${token}` } })).json();
      if (['succeeded', 'failed', 'partially_succeeded'].includes(done.status)) break;
    }
    const importMs = Date.now() - t;
    const rss = peakRssMb(importer.pid!);
    const cpu = Object.entries(processes).map(([k, pid]) => `${k} ${((cpuSeconds(pid) ?? 0) - cpuBefore[k]).toFixed(1)} s`);
    if (done.status !== 'succeeded') throw new Error(`the import ${done.status}: ${done.errorMessage} ${JSON.stringify(done.errors)}`);
    const count = (await gql('{ teachers(first: 1) { totalCount } }')).teachers.totalCount as number;
    if (count !== ROWS) throw new Error(`expected ${ROWS} teachers stored, found ${count}`);

    const fullRate = rate(done.rowsRead, importMs);
    const bareRate = rate(bare.rows, bare.ms);
    say(`full import (upload ${uploadMs} ms, validating ${done.validationMs} ms, writing ${done.writingMs} ms): ${done.rowsRead} rows in ${(importMs / 1000).toFixed(2)} s = ${fullRate} rows/s`);
    say(`ratio full/bare read: ${(fullRate / bareRate).toFixed(2)}`);
    say(`importer peak RSS: ${rss ?? '?'} MB (target < 400 MB)`);
    say(`CPU time during the import: ${cpu.join(', ')} (wall ${(importMs / 1000).toFixed(1)} s)`);
    say(`stored: ${count} teachers; machine: ${os.cpus().length} cores, Node ${process.version}, ${PRODUCTION ? 'production' : 'development'} mode`);

    // the bare limit: the same rows, into copies of the same tables, by plain statements
    const written = await rowsWritten(conn, dbs.personnel, before);
    const dbPidBare = databasePid();
    const dbCpu = dbPidBare ? cpuSeconds(dbPidBare) : undefined;
    const bareW = await bareWrite(conn, dbs.personnel, dbs.bare, written, 'teacher', BATCH_ROWS);
    const dbCpuBare = dbPidBare && dbCpu !== undefined ? ` (mariadb CPU ${((cpuSeconds(dbPidBare) ?? 0) - dbCpu).toFixed(1)} s)` : '';
    const bareWriteRate = rate(bareW.rows, bareW.ms);
    say(`bare database write (${bareW.tables.map((x) => `${x.table} ${x.rows}`).join(', ')}; ${bareW.batches} transactions, multi-row upserts from one process): ${bareW.rows} rows in ${(bareW.ms / 1000).toFixed(2)} s = ${bareWriteRate} rows/s${dbCpuBare}`);
    say(`ratio full import/bare database write: ${(fullRate / bareWriteRate).toFixed(2)} (target ≥ 0.60)`);

    // the same file again: every row unchanged, so only the checking pass runs and nothing is written
    t = Date.now();
    const again = await uploadTeachers(origin, file, token);
    let second: any;
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      second = await (await fetch(`${origin}/imports/${again.id}?errors=3`, { headers: { authorization: `Bearer ${token}` } })).json();
      if (['succeeded', 'failed', 'partially_succeeded'].includes(second.status)) break;
    }
    const againMs = Date.now() - t;
    say(`re-import of the same file: ${second.status}, ${second.rowsUnchanged} unchanged, ${second.rowsWritten} written, in ${(againMs / 1000).toFixed(2)} s = ${rate(second.rowsRead, againMs)} rows/s`);
    say(`importer peak RSS after both: ${peakRssMb(importer.pid!) ?? '?'} MB`);
  } finally {
    await p?.stop();
    await admin(`DROP DATABASE IF EXISTS \`${dbs.personnel}\``).catch(() => undefined);
    await admin(`DROP DATABASE IF EXISTS \`${dbs.importer}\``).catch(() => undefined);
    await admin(`DROP DATABASE IF EXISTS \`${dbs.bare}\``).catch(() => undefined);
    await conn.end().catch(() => undefined);
    if (process.env.BENCH_KEEP_FILE !== '1') fs.rmSync(work, { recursive: true, force: true });
    else say(`kept ${work}`);
  }
}

main()
  .then(() => (process.env.BENCH_CASE === 'review' ? undefined : reviewCase()))
  .catch((e: unknown) => {
  process.stderr.write(`bench:import failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
