/**
 * npm run bench:analytics — the district report and the school comparison of a province-scale
 * district on MariaDB: 2,000 schools, 200,000 teachers, 2,000,000 training participations (four
 * years), 200,000 pay records and the other tables in proportion.
 *
 * It creates a database per service (each brought up by the service's own migrations), loads the
 * province with multi-row INSERTs, starts the platform as processes through the launcher (as npm start
 * does; the importer idle on SQLite), then times through the gateway: the district report with every field, the first page of the
 * school comparison (by school code, by a figure of another service, by pay), a four-year trend and
 * the workbook export. Last it runs each service's report statements directly, timing and EXPLAINing
 * each, to show where the time goes. The databases are dropped at the end (BENCH_KEEP=1 keeps them).
 *
 * Settings: BENCH_MYSQL_URL (default TEST_MYSQL_URL or mysql://root@127.0.0.1:3306), BENCH_RUNS (5),
 * BENCH_KEEP=1, BENCH_EXPLAIN=0 to leave the EXPLAIN plans out, BENCH_SCALE=0.05 for a twentieth of the province,
 * BENCH_REUSE=<tag> to time again the databases a BENCH_KEEP=1 run kept (named tw_bench_analytics_*_<tag>).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ServiceModule, SERVICES } from '@tw/kernel';
import { IsolatedPlatform, launchIsolatedPlatform, ROOT } from '@tw/kernel/launcher';
import type { DataSource } from 'typeorm';
import { loadTables, seedVersionsOf } from './bulk-load';
import { PROVINCE, province, REPORT_YEAR, TableRows, TRAINING_YEARS } from './province';

const MYSQL = (process.env.BENCH_MYSQL_URL ?? process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/^mariadb:/, 'mysql:');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** a fraction of the province, to try the bench quickly (1: the province) */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const EXPLAIN = process.env.BENCH_EXPLAIN !== '0';
const REPORT_SERVICES = SERVICES.filter((s) => ['personnel', 'professional-development', 'compensation', 'governance'].includes(s.name));

const say = (s: string) => process.stdout.write(`${s}\n`);
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const moduleOf = (folder: string) => require(path.join(ROOT, folder, 'dist/index.js')) as ServiceModule;
const distOf = (folder: string, file: string) => require(path.join(ROOT, folder, 'dist', file)) as Record<string, (...args: unknown[]) => Promise<unknown>>;

function databaseUrl(name: string): string {
  const u = new URL(MYSQL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function connect(database?: string) {
  const mysql = await import('mysql2/promise');
  const u = new URL(MYSQL);
  return mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password), database, multipleStatements: false });
}


/** Times `fn` RUNS times after one warm-up run: the first run, the median and the fastest. */
async function timed(label: string, fn: () => Promise<void>): Promise<void> {
  let t = Date.now();
  await fn();
  const first = Date.now() - t;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = Date.now();
    await fn();
    times.push(Date.now() - t);
  }
  times.sort((a, b) => a - b);
  say(`  ${label.padEnd(62)} first ${fmt(first)}   median ${fmt(times[Math.floor(times.length / 2)])}   best ${fmt(times[0])}`);
}

const ALL_DISTRICT_FIELDS = `year sinceYear schoolCount publicSchoolCount teacherCount publicTeacherCount partyMemberTeacherCount inQuotaHires recruitedByChannel { channel count } recruitedTotal rotations quotaApproved quotaFilled
  trainingPersonTimes trainingHours ethicsTrainingPersonTimes ethicsTrainingSessions personTimesByLevel { level personTimes hours } newDesignations designatedTeacherCount designatedShareOfPublicTeachers
  backboneTeacherCount backbonePartyMembers backboneNotPartyMember partyMemberNotBackbone studiosByKindAndLevel { kind level count } studioCount demonstrationLessons
  averageTeacherPay civilServantAveragePay payParityRatio payTeachers payWithheld talentPassedByCategory { category passed withheld } talentPassed talentSubsidyTotal
  principalsCertified teachersCommended inspections inspectionsPreviousYear inspectionReduction catalogueItems catalogueItemsPreviousYear governanceReform { total notStarted pilot completed completedShare } ethicsVetoedTeachers`;
const ALL_SCHOOL_FIELDS = `schoolId school { code name } teacherCount publicTeacherCount partyMemberTeacherCount inQuotaHires recruitedTotal rotations quotaApproved quotaFilled
  trainingPersonTimes trainingHours ethicsTrainingPersonTimes ethicsTrainingSessions newDesignations designatedTeacherCount designatedShareOfPublicTeachers backboneTeacherCount backbonePartyMembers
  backboneNotPartyMember partyMemberNotBackbone studioCount demonstrationLessons averageTeacherPay payParityRatio payTeachers payWithheld talentPassed talentSubsidyTotal
  principalsCertified teachersCommended inspections inspectionsPreviousYear inspectionReduction reformStatus ethicsVetoedTeachers`;

/** Runs each service's report statements directly, timing each and, with BENCH_EXPLAIN, printing MariaDB's plan. */
async function whereTheTimeGoes(ds: Record<string, DataSource>): Promise<void> {
  const ids = (await ds.personnel.query('SELECT id FROM school ORDER BY code LIMIT 50')).map((r: { id: string }) => r.id);
  const steps: Array<[string, string, string, string, unknown[]]> = [
    ['personnel', 'services/personnel', 'analytics/roster-figures.js', 'districtRosters', [[`${REPORT_YEAR - 1}-12-31`]]],
    ['personnel', 'services/personnel', 'analytics/recruitment-figures.js', 'districtRecruitment', [[REPORT_YEAR]]],
    ['personnel', 'services/personnel', 'analytics/roster-figures.js', 'schoolRosters', [`${REPORT_YEAR - 1}-12-31`, null]],
    ['personnel', 'services/personnel', 'analytics/recruitment-figures.js', 'schoolRecruitment', [REPORT_YEAR, ids]],
    ['professional-development', 'services/professional-development', 'analytics/training-figures.js', 'districtTraining', [[REPORT_YEAR]]],
    ['professional-development', 'services/professional-development', 'analytics/training-figures.js', 'districtTraining', [TRAINING_YEARS]],
    ['professional-development', 'services/professional-development', 'analytics/training-figures.js', 'schoolTrainingTotals', [REPORT_YEAR]],
    ['professional-development', 'services/professional-development', 'analytics/training-figures.js', 'schoolEthicsTraining', [REPORT_YEAR]],
    ['professional-development', 'services/professional-development', 'analytics/training-figures.js', 'schoolTraining', [REPORT_YEAR, ids]],
    ['professional-development', 'services/professional-development', 'analytics/designation-figures.js', 'designatedTeachers', [[REPORT_YEAR]]],
    ['professional-development', 'services/professional-development', 'analytics/studio-lesson-figures.js', 'districtStudios', [[REPORT_YEAR]]],
    ['professional-development', 'services/professional-development', 'analytics/studio-lesson-figures.js', 'districtLessons', [[REPORT_YEAR]]],
    ['compensation', 'services/compensation', 'figures/pay-parity.js', 'payGroups', [[REPORT_YEAR]]],
    ['compensation', 'services/compensation', 'figures/talent-totals.js', 'talentGroups', [[REPORT_YEAR]]],
    ['governance', 'services/governance', 'analytics/governance-figures.js', 'districtGovernance', [[REPORT_YEAR], `${REPORT_YEAR + 1}-06-30`]],
    ['governance', 'services/governance', 'analytics/governance-figures.js', 'schoolGovernance', [REPORT_YEAR, null, `${REPORT_YEAR + 1}-06-30`]],
  ];
  const designated = (await distOf('services/professional-development', 'analytics/designation-figures.js').designatedTeachers(ds['professional-development'], [REPORT_YEAR])) as Map<number, string[]>;
  const ofYear = designated.get(REPORT_YEAR) ?? [];
  const label = (a: unknown) => (Array.isArray(a) ? (a.length > 5 ? `[${a.length} ids]` : `[${a.join(', ')}]`) : String(a));
  for (const [service, folder, file, fn, args] of steps) {
    const source = ds[service];
    // every statement the function makes, query builder or raw, passes the data source's logger
    const statements: Array<{ sql: string; params: unknown[] }> = [];
    const logger = source.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (sql: string, params?: unknown[]) => {
      statements.push({ sql, params: params ?? [] });
      logQuery(sql, params);
    };
    const t = Date.now();
    await distOf(folder, file)[fn](source, ...args);
    const total = Date.now() - t;
    logger.logQuery = logQuery;
    say(`  ${`${service} ${fn}(${args.map(label).join(', ')})`.padEnd(84)} ${fmt(total)} in ${statements.length} statement(s)`);
    if (!EXPLAIN) continue;
    for (const s of statements) {
      const t0 = Date.now();
      await source.query(s.sql, s.params);
      const ms = Date.now() - t0;
      if (ms < 100) continue;
      say(`      ${fmt(ms)}: ${s.sql.replace(/\s+/g, ' ').slice(0, 240)}${s.sql.length > 240 ? '…' : ''}`);
      const plan: Array<Record<string, unknown>> = await source.query(`EXPLAIN ${s.sql}`, s.params);
      for (const p of plan) say(`        ${[p.table, p.type, p.key, `rows ${p.rows}`, p.Extra].filter(Boolean).join(' | ')}`);
    }
  }
  const roster = distOf('services/personnel', 'analytics/roster-figures.js');
  const t = Date.now();
  await roster.rosterCountsAmong(ds.personnel, [{ key: String(REPORT_YEAR), teacherIds: ofYear, day: `${REPORT_YEAR}-12-31` }]);
  say(`  ${`personnel rosterCountsAmong(${ofYear.length} designated teachers)`.padEnd(84)} ${fmt(Date.now() - t)} in 1 statement`);
  if (EXPLAIN) {
    const u = await connect(((ds.personnel.options as { url?: string }).url ?? '').split('/').pop());
    const [plan] = await u.query(
      `EXPLAIN SELECT x.g, t.school_id, COUNT(*) FROM JSON_TABLE(?, '$[*]' COLUMNS (id VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$[0]', g INT PATH '$[1]')) x JOIN teacher t ON t.id = x.id GROUP BY x.g, t.school_id`,
      [JSON.stringify(ofYear.map((id) => [id, 0]))],
    );
    for (const p of plan as Array<Record<string, unknown>>) say(`        ${[p.table, p.type, p.key, `rows ${p.rows}`, p.Extra].filter(Boolean).join(' | ')}`);
    await u.end();
  }
}

async function main(): Promise<void> {
  const reuse = process.env.BENCH_REUSE;
  const tag = reuse ?? randomBytes(3).toString('hex');
  const names = Object.fromEntries(REPORT_SERVICES.map((s) => [s.name, `tw_bench_analytics_${s.name.replace(/-/g, '_').slice(0, 12)}_${tag}`]));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-analytics-bench-'));
  const sources: Record<string, DataSource> = {};
  let platform: IsolatedPlatform | undefined;
  try {
    say(`Province-scale analytics benchmark on ${new URL(MYSQL).host} (${os.cpus().length} cores)`);
    let t = Date.now();
    for (const s of REPORT_SERVICES) sources[s.name] = await moduleOf(s.folder).openServiceDatabase({ url: databaseUrl(names[s.name]), dataDir });
    say(`  migrated 4 databases in ${fmt(Date.now() - t)}`);
    const [{ id: negativeListItemId }] = await sources.governance.query("SELECT id FROM negative_list_item WHERE code = '5'");

    const counts = new Map<string, number>();
    let p: { schools: readonly unknown[] } | undefined;
    if (reuse) {
      for (const s of REPORT_SERVICES) {
        for (const { t: table } of await sources[s.name].query("SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT IN ('migrations') ORDER BY 1")) {
          const [{ n }] = await sources[s.name].query(`SELECT COUNT(*) AS n FROM \`${table}\``);
          counts.set(`${s.name}.${table}`, Number(n));
        }
      }
      say(`  reusing ${Object.values(names).join(', ')}:`);
      for (const [table, n] of counts) say(`    ${table.padEnd(52)} ${n.toLocaleString('en').padStart(10)}`);
      p = { schools: Array.from({ length: counts.get('personnel.school') ?? 0 }) };
    }
    if (!p) {
    t = Date.now();
    const size = { schools: Math.round(PROVINCE.schools * SCALE), teachers: Math.round(PROVINCE.teachers * SCALE), participations: Math.round(PROVINCE.participations * SCALE), payRecords: Math.round(PROVINCE.payRecords * SCALE) };
    const generated = province({ negativeListItemId, size });
    p = generated;
    say(`  generated schools and teachers in ${fmt(Date.now() - t)}`);
    t = Date.now();
    const tables: Record<string, TableRows[]> = { personnel: generated.personnel, 'professional-development': generated.development, compensation: generated.compensation, governance: generated.governance };
    await Promise.all(
      Object.entries(tables).map(async ([service, list]) => {
        const conn = await connect(names[service]);
        try {
          for (const [table, n] of await loadTables(conn, list)) counts.set(`${service}.${table}`, n);
        } finally {
          await conn.end();
        }
      }),
    );
    // the records every report figure reads as of a year's statistics day get their versions (the teachers' are generated, 1–3 each)
    const yearStart = (column: string) => `CONCAT(t.${column}, '-01-01')`;
    const versioned: Record<string, Array<[string, string]>> = {
      'professional-development': [['designation', yearStart('year')], ['studio', yearStart('founded_year')]],
      compensation: [['pay_record', yearStart('year')], ['talent_record', yearStart('year')]],
      governance: [['ethics_assessment', yearStart('year')], ['appraisal', yearStart('year')], ['principal_rank', yearStart('year')], ['violation', 't.occurred_on'], ['award', 't.awarded_on']],
    };
    await Promise.all(
      Object.entries(versioned).map(async ([service, list]) => {
        const conn = await connect(names[service]);
        try {
          for (const [table, from] of list) counts.set(`${service}.${table}_version`, await seedVersionsOf(conn, table, from));
        } finally {
          await conn.end();
        }
      }),
    );
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    say(`  loaded ${total.toLocaleString('en')} rows in ${fmt(Date.now() - t)} (${Math.round(total / ((Date.now() - t) / 1000)).toLocaleString('en')} rows/s):`);
    for (const [table, n] of counts) say(`    ${table.padEnd(52)} ${n.toLocaleString('en').padStart(10)}`);
    }

    platform = await launchIsolatedPlatform({
      logLevel: 'warn',
      databaseUrls: Object.fromEntries(REPORT_SERVICES.map((s) => [s.name, databaseUrl(names[s.name])])),
      output: { lines: (name, line) => process.stderr.write(`[${name}] ${line}\n`) },
    });
    const gatewayUrl = platform.gatewayUrl;
    const token = platform.token({ subject: 'bench', role: 'DISTRICT_ADMIN' });
    const analystToken = platform.token({ subject: 'bench-analyst', role: 'ANALYST' });
    const ask = async (query: string, bearer = token) => {
      const res = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: JSON.stringify({ query }) });
      const body = (await res.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string }> };
      if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
      return body.data!;
    };

    say(`\nThrough the gateway (${RUNS} runs after a first one; DISTRICT_ADMIN unless said):`);
    const report = await ask(`{ districtReport(year: ${REPORT_YEAR}) { ${ALL_DISTRICT_FIELDS} } }`);
    await timed(`districtReport(${REPORT_YEAR}), all ${ALL_DISTRICT_FIELDS.split(/\s+/).length} selections`, async () => void (await ask(`{ districtReport(year: ${REPORT_YEAR}) { ${ALL_DISTRICT_FIELDS} } }`)));
    await timed(`districtReport(${REPORT_YEAR - 1}), a past year (as of ${REPORT_YEAR - 1}'s statistics day), all fields`, async () => void (await ask(`{ districtReport(year: ${REPORT_YEAR - 1}) { ${ALL_DISTRICT_FIELDS} } }`)));
    await timed('districtReport, as ANALYST', async () => void (await ask(`{ districtReport(year: ${REPORT_YEAR}) { ${ALL_DISTRICT_FIELDS} } }`, analystToken)));
    for (const [orderBy, direction] of [['SCHOOL_CODE', 'ASC'], ['TRAINING_PERSON_TIMES', 'DESC'], ['DESIGNATED_SHARE_OF_PUBLIC_TEACHERS', 'DESC'], ['AVERAGE_TEACHER_PAY', 'ASC'], ['ETHICS_VETOED_TEACHERS', 'DESC']]) {
      await timed(`schoolComparison first page (50 rows, every field) by ${orderBy} ${direction}`, async () => {
        await ask(`{ schoolComparison(year: ${REPORT_YEAR}, orderBy: ${orderBy}, direction: ${direction}, first: 50) { totalCount nodes { ${ALL_SCHOOL_FIELDS} } } }`);
      });
    }
    await timed(`districtReports(${TRAINING_YEARS[0]}–${REPORT_YEAR}), all fields`, async () => void (await ask(`{ districtReports(fromYear: ${TRAINING_YEARS[0]}, toYear: ${REPORT_YEAR}) { ${ALL_DISTRICT_FIELDS} } }`)));
    const exportUrl = `${platform.gateway.origin}/reports/district/${REPORT_YEAR}.xlsx`;
    let bytes = 0;
    try {
      await timed(`GET /reports/district/${REPORT_YEAR}.xlsx (report + ${p.schools.length} school rows)`, async () => {
        const res = await fetch(exportUrl, { headers: { authorization: `Bearer ${token}` } });
        if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}`);
        bytes = (await res.arrayBuffer()).byteLength;
      });
      say(`  (the workbook is ${(bytes / 1024).toFixed(0)} KB)`);
    } catch (e) {
      // said, and the bench goes on to where the time goes
      say(`  GET /reports/district/${REPORT_YEAR}.xlsx failed: ${(e as Error).message}`);
    }
    const r = report.districtReport as Record<string, unknown>;
    say(`\nThe province's ${REPORT_YEAR}: ${r.teacherCount} teachers (${r.publicTeacherCount} public, ${r.partyMemberTeacherCount} party members) in ${r.schoolCount} schools; ` +
      `${r.trainingPersonTimes} training person-times, ${r.designatedTeacherCount} designated public teachers (${r.designatedShareOfPublicTeachers}); ` +
      `average pay ${r.averageTeacherPay} against ${r.civilServantAveragePay}; ${r.inspections} inspections (${r.inspectionsPreviousYear} the year before); ${r.ethicsVetoedTeachers} vetoed`);

    say('\nWhere the time goes (each service\'s statements run directly; plans of those over 100 ms):');
    await whereTheTimeGoes(sources);
  } finally {
    await platform?.stop();
    for (const ds of Object.values(sources)) if (ds.isInitialized) await ds.destroy();
    if (process.env.BENCH_KEEP !== '1' && !reuse) {
      const conn = await connect();
      for (const n of Object.values(names)) await conn.query(`DROP DATABASE IF EXISTS \`${n}\``);
      await conn.end();
    } else say(`kept: ${Object.values(names).join(', ')}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
