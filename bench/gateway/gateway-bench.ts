/**
 * npm run bench:gateway — the gateway under load on loopback.
 *
 * Starts the platform as processes in production mode (every subgraph of SERVICES and the gateway,
 * as `npm start` does) on the embedded SQLite default, or on MariaDB databases it creates and drops
 * with BENCH_MYSQL=1, loads the demo district, and drives a fixed mix of realistic queries (a school's
 * teacher page with fields of all four subgraphs, a teacher's full record, the district figures, the
 * district report when the schema has one) at each concurrency for a bounded time. For each it prints
 * requests/s, p50/p95/p99 latency, errors, and the peak memory (VmRSS) of the gateway and of each
 * service; then the same requests sent straight to the subgraphs (the fetches the gateway made for
 * them, recorded once, with the gateway secret), so the gateway's own overhead shows as a ratio.
 * Last, the gateway's RSS over time, and whether it levels off. Exits 1 if any request failed.
 *
 * Then the abuse run (issue 16): a school's teacher page alone (quiet), then the same while 8 query
 * bombs a second arrive (a 10,000-alias __typename bomb, a 1,000-alias one, teachersByIds with 1,000
 * ids each asking 1,000 teachers of their school, 30 aliases of a 30-year districtReports); it prints
 * each bomb's refusal time and status, and the teacher page's p99 quiet and under bombs (target: ≤ 2×,
 * refusals < 50 ms; BENCH_BOMB_SECONDS, 10 by default).
 * Then the cost of tracing and metrics, in the same run: every process restarted with both on (spans
 * exported over OTLP/HTTP to a sink in this process, /metrics scraped every 5 s as Prometheus would)
 * and with both off, alternately, twice each, at BENCH_TELEMETRY_CONCURRENCY (32); the target is at
 * most 10% fewer requests per second with both on.
 *
 * Settings: BENCH_SECONDS (15 per run), BENCH_WARMUP_SECONDS (3), BENCH_CONCURRENCY (1,8,32,64),
 * BENCH_MYSQL=1 with BENCH_MYSQL_URL (default TEST_MYSQL_URL or mysql://root@127.0.0.1:3306).
 * The figures go to bench-results/gateway-<time>.json as well.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gatewayPoster, loadDemoDistrict } from '@tw/demo';
import { SERVICES } from '@tw/kernel';
import { freePort, launchIsolatedPlatform, ROOT } from '@tw/kernel/launcher';
import { graphqlClient, LoadResult, memoryLevel, Operation, queryMix, readApiSchema, runLoad, sendGraphQL, TEST_DATE, TEST_YEAR } from '@tw/kernel/testing';
import { FetchRecorder } from './record';
import { OtlpSink } from './otlp-sink';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const LEVELS = (process.env.BENCH_CONCURRENCY ?? '1,8,32,64').split(',').map(Number);
const MYSQL = process.env.BENCH_MYSQL === '1' ? (process.env.BENCH_MYSQL_URL ?? process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/^mariadb:/, 'mysql:') : undefined;
/** how many different requests of the mix are recorded for the straight-to-subgraph runs */
const RECORDED = 40;
const BOMB_SECONDS = Number(process.env.BENCH_BOMB_SECONDS ?? 10);

/** The requests of the abuse run: each must be refused before it runs. */
function bombs(): Array<{ name: string; body: string }> {
  const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ');
  const ids = Array.from({ length: 1000 }, (_, i) => `t${i}`);
  return [
    { name: '10,000 __typename aliases', body: JSON.stringify({ query: `{ teachers(first: 1000) { nodes { ${aliases(10_000)} } } }` }) },
    { name: '1,000 __typename aliases', body: JSON.stringify({ query: `{ teachers(first: 1000) { nodes { ${aliases(1_000)} } } }` }) },
    { name: 'teachersByIds × 1,000 × school teachers(1,000)', body: JSON.stringify({ query: 'query($ids: [ID!]!) { teachersByIds(ids: $ids) { school { teachers(first: 1000) { nodes { id name } } } } }', variables: { ids } }) },
    { name: '30 × districtReports(30 years)', body: JSON.stringify({ query: `{ ${Array.from({ length: 30 }, (_, i) => `r${i}: districtReports(fromYear: 1996, toYear: 2025) { year teacherCount }`).join(' ')} }` }) },
  ];
}

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : NaN;
};
const TELEMETRY_LEVEL = Number(process.env.BENCH_TELEMETRY_CONCURRENCY ?? 32);

const say = (s = '') => process.stdout.write(`${s}\n`);
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const ms = (x: number) => `${x.toFixed(1)}`;

async function mysqlAdmin(sql: string): Promise<void> {
  const mysql = await import('mysql2/promise');
  const conn = await mysql.createConnection(MYSQL!);
  try {
    await conn.query(sql);
  } finally {
    await conn.end();
  }
}

async function main(): Promise<void> {
  const databases = MYSQL ? Object.fromEntries(SERVICES.map((s) => [s.name, `tw_bench_${s.name.replace(/\W/g, '_')}_${randomBytes(3).toString('hex')}`])) : {};
  const databaseUrls = Object.fromEntries(
    Object.entries(databases).map(([name, db]) => {
      const u = new URL(MYSQL!);
      u.pathname = `/${db}`;
      return [name, u.toString()];
    }),
  );
  // the figures depend on what else the machine runs: say so next to them
  const machine = () => `${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`;
  say(`machine: ${machine()}`);
  say(`starting the platform as processes (production mode, ${MYSQL ? 'MariaDB' : 'embedded SQLite'})…`);
  const p = await launchIsolatedPlatform({ production: true, databaseUrls, logLevel: 'warn' });
  const results: Record<string, unknown> = { machine: machine(), startedAt: new Date().toISOString(), database: MYSQL ? 'mariadb' : 'sqlite', seconds: SECONDS, levels: LEVELS };
  let failed = false;
  let scraped = 0;
  let scrapeErrors = 0;
  try {
    const adminToken = p.token({ subject: 'bench', role: 'DISTRICT_ADMIN' });
    let t = Date.now();
    // the isolated platform's services take TEST_DATE as today: the district is as of that day
    const loaded = await loadDemoDistrict(gatewayPoster(p.gatewayUrl, adminToken), TEST_DATE);
    say(`demo district loaded: ${loaded.schools} schools, ${loaded.teachers} teachers in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    const admin = graphqlClient(p.gatewayUrl, { token: adminToken });
    const year = TEST_YEAR - 1;
    const schools = (await admin<{ schools: { nodes: Array<{ id: string; sponsor: string }> } }>('{ schools(first: 1000) { nodes { id sponsor } } }')).data!.schools.nodes;
    const teachers = (await admin<{ teachers: { nodes: Array<{ id: string }> } }>('{ teachers(first: 1000, filter: { serving: true }) { nodes { id } } }')).data!.teachers.nodes;
    const mix = queryMix(readApiSchema(ROOT), { schoolIds: schools.filter((s) => s.sponsor === 'PUBLIC').map((s) => s.id), teacherIds: teachers.map((x) => x.id), year });
    say(`query mix (per ${mix.kinds.reduce((s, k) => s + k.weight, 0)} requests): ${mix.kinds.map((k) => `${k.weight} ${k.name}`).join(', ')}`);
    const headers = { authorization: `Bearer ${adminToken}` };
    for (const op of mix.samples()) {
      const r = await sendGraphQL(p.gatewayUrl, headers, op.name, JSON.stringify({ query: op.query, variables: op.variables }));
      if (r.error) throw new Error(`${op.name} fails before any load: ${r.error}`);
    }

    // the abuse run: a teacher page quiet, then under 8 bombs a second
    {
      const school = schools.find((x) => x.sponsor === 'PUBLIC')!.id;
      const page = JSON.stringify({ query: 'query($s: ID!) { teachers(first: 50, filter: { schoolId: $s }) { nodes { id name idNumber politicalStatus school { name } } } }', variables: { s: school } });
      const teacherPage = () => sendGraphQL(p.gatewayUrl, headers, 'teacher page', page);
      say(`abuse run: the teacher page alone for ${BOMB_SECONDS} s, then with 8 bombs a second for ${BOMB_SECONDS} s…`);
      await runLoad({ concurrency: 1, durationMs: 2000, send: teacherPage });
      const quiet = await runLoad({ concurrency: 1, durationMs: BOMB_SECONDS * 1000, send: teacherPage });
      const kinds = bombs();
      const refusals = new Map<string, { ms: number[]; statuses: Record<string, number> }>(kinds.map((k) => [k.name, { ms: [], statuses: {} }]));
      let firing = true;
      const inFlight: Array<Promise<void>> = [];
      const fire = async (n: number) => {
        const k = kinds[n % kinds.length];
        const t0 = performance.now();
        const res = await fetch(p.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: k.body });
        const text = await res.text();
        const r = refusals.get(k.name)!;
        r.ms.push(performance.now() - t0);
        const code = (JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.[0]?.extensions?.code ?? 'ANSWERED';
        r.statuses[`${res.status} ${code}`] = (r.statuses[`${res.status} ${code}`] ?? 0) + 1;
      };
      const bomber = (async () => {
        for (let n = 0; firing; n++) {
          inFlight.push(fire(n));
          await new Promise((r) => setTimeout(r, 125));
        }
      })();
      const loud = await runLoad({ concurrency: 1, durationMs: BOMB_SECONDS * 1000, send: teacherPage });
      firing = false;
      await bomber;
      await Promise.all(inFlight);
      say('  bomb                                            refusals  p50 ms  max ms  answers');
      let slowest = 0;
      for (const [name, r] of refusals) {
        slowest = Math.max(slowest, Math.max(...r.ms));
        say(`  ${name.padEnd(48)} ${String(r.ms.length).padStart(8)} ${ms(pct(r.ms, 0.5)).padStart(7)} ${ms(Math.max(...r.ms)).padStart(7)}  ${Object.entries(r.statuses).map(([k, v]) => `${v}× ${k}`).join(', ')}`);
      }
      const ratio = loud.p99 / quiet.p99;
      say(`  teacher page p50/p99: quiet ${ms(quiet.p50)} / ${ms(quiet.p99)} ms, under 8 bombs/s ${ms(loud.p50)} / ${ms(loud.p99)} ms (p99 ×${ratio.toFixed(2)}; target ≤ 2), errors ${quiet.errors + loud.errors}`);
      say(`  ${slowest < 50 && ratio <= 2 ? 'abuse run within its targets' : 'ABUSE RUN OVER ITS TARGETS'} (slowest refusal ${ms(slowest)} ms; target < 50)`);
      results.abuse = {
        quiet: { p50: quiet.p50, p99: quiet.p99, rps: quiet.rps },
        underBombs: { p50: loud.p50, p99: loud.p99, rps: loud.rps },
        p99Ratio: ratio,
        refusals: Object.fromEntries([...refusals].map(([k, r]) => [k, { count: r.ms.length, p50: pct(r.ms, 0.5), max: Math.max(...r.ms), statuses: r.statuses }])),
      };
      if (quiet.errors + loud.errors) failed = true;
    }

    // record the fetches the gateway makes for the first requests of the mix
    say('recording the subgraph fetches of the mix…');
    const recorder = await FetchRecorder.start(Object.fromEntries(p.services.map((s) => [s.name, s.graphqlUrl])));
    await p.gateway.restart(Object.fromEntries(SERVICES.map((s) => [`${s.envPrefix}_URL`, recorder.urls[s.name]])));
    const recorded: Array<{ op: Operation; requestId: string }> = [];
    for (let i = 0; i < RECORDED; i++) {
      const op = mix.next(i);
      const res = await fetch(p.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: op.query, variables: op.variables }) });
      await res.text();
      recorded.push({ op, requestId: res.headers.get('x-request-id') ?? '' });
    }
    await recorder.close();
    await p.gateway.restart();
    const replays = recorded.map((r) => ({ kind: r.op.name, waves: recorder.waves(r.requestId) }));
    say(`recorded ${recorder.fetches.length} subgraph fetches for ${RECORDED} requests (${replays.map((r) => r.waves.length).join('/')} waves)`);
    const subgraphUrl = Object.fromEntries(p.services.map((s) => [s.name, s.graphqlUrl]));
    const direct = { ...headers, 'x-gateway-secret': p.keys.gatewaySecret };

    const processes = () => Object.fromEntries(p.all.map((x) => [x.name, x.pid!]));
    const viaGateway = (i: number) => {
      const op = mix.next(i);
      return sendGraphQL(p.gatewayUrl, headers, op.name, JSON.stringify({ query: op.query, variables: op.variables }));
    };
    const straight = async (i: number) => {
      const r = replays[i % replays.length];
      for (const wave of r.waves) {
        const outcomes = await Promise.all(wave.map((f) => sendGraphQL(subgraphUrl[f.service], direct, r.kind, f.body)));
        const bad = outcomes.find((o) => o.error);
        if (bad) return bad;
      }
      return { kind: r.kind };
    };

    const runs: Array<{ level: number; gateway: LoadResult; direct: LoadResult }> = [];
    for (const level of LEVELS) {
      say(`concurrency ${level}: warm-up ${WARMUP_SECONDS} s, then ${SECONDS} s through the gateway and ${SECONDS} s straight to the subgraphs…`);
      await runLoad({ concurrency: level, durationMs: WARMUP_SECONDS * 1000, send: viaGateway });
      const gw = await runLoad({ concurrency: level, durationMs: SECONDS * 1000, send: viaGateway, processes: processes() });
      const st = await runLoad({ concurrency: level, durationMs: SECONDS * 1000, send: straight });
      runs.push({ level, gateway: gw, direct: st });
      if (gw.errors) say(`  ${gw.errors} requests failed through the gateway, e.g. ${gw.errorSamples[0]}`);
      if (st.errors) say(`  ${st.errors} straight requests failed, e.g. ${st.errorSamples[0]}`);
    }

    say('');
    say('through the gateway                                   | straight to the subgraphs             | gateway overhead');
    say('  conc    req/s   p50 ms   p95 ms   p99 ms  errors    |    req/s   p50 ms   p99 ms  errors     | p50 ×   throughput ×');
    for (const r of runs) {
      const g = r.gateway;
      const d = r.direct;
      say(
        `  ${String(r.level).padStart(4)} ${g.rps.toFixed(1).padStart(8)} ${ms(g.p50).padStart(8)} ${ms(g.p95).padStart(8)} ${ms(g.p99).padStart(8)} ${String(g.errors).padStart(7)}    | ${d.rps.toFixed(1).padStart(8)} ${ms(d.p50).padStart(8)} ${ms(d.p99).padStart(8)} ${String(d.errors).padStart(7)}     | ${(g.p50 / d.p50).toFixed(2).padStart(5)}   ${(d.rps / g.rps).toFixed(2).padStart(6)}`,
      );
    }
    say('');
    say('latency by kind through the gateway (p50 / p99 ms):');
    for (const r of runs) say(`  conc ${String(r.level).padStart(2)}: ${Object.entries(r.gateway.byKind).map(([k, v]) => `${k} ${ms(v.p50)} / ${ms(v.p99)}`).join('; ')}`);
    say('');
    say('peak memory (VmRSS) during each run through the gateway:');
    const names = p.all.map((x) => x.name);
    say(`  conc  ${names.map((n) => n.padStart(Math.max(10, n.length))).join(' ')}`);
    for (const r of runs) say(`  ${String(r.level).padStart(4)}  ${names.map((n) => mb(r.gateway.peakRssKb[n] ?? 0).padStart(Math.max(10, n.length))).join(' ')}`);

    // the gateway's RSS over all the runs, every ~2 s of load
    const timeline: Array<{ run: number; atMs: number; kb: number }> = [];
    runs.forEach((r) => {
      for (const s of r.gateway.rss) if (timeline.length === 0 || s.atMs - (timeline[timeline.length - 1].run === r.level ? timeline[timeline.length - 1].atMs : -Infinity) >= 2000) timeline.push({ run: r.level, atMs: s.atMs, kb: s.kb.gateway });
    });
    say('');
    say(`gateway RSS, highest of the first → last third of each run: ${runs.map((r) => {
      const m = memoryLevel(r.gateway.rss, 'gateway');
      return `c${r.level} ${mb(m.early)} → ${mb(m.late)}`;
    }).join(', ')}`);
    say(`gateway RSS over time: ${timeline.map((x) => `c${x.run}@${(x.atMs / 1000).toFixed(0)}s ${mb(x.kb)}`).join(', ')}`);
    const last = runs[runs.length - 1];
    const level = memoryLevel(last.gateway.rss, 'gateway');
    const levelsOff = level.growth <= 1.25;
    say(`gateway RSS in the last run (c=${last.level}): first third at most ${mb(level.early)}, last third at most ${mb(level.late)} (×${level.growth.toFixed(2)}): ${levelsOff ? 'levels off' : 'STILL GROWING'}`);

    // tracing and metrics on against off, alternately, so that a drift of the machine hits both
    say('');
    say(`tracing + metrics: off and on alternately, twice each, ${SECONDS} s at concurrency ${TELEMETRY_LEVEL}…`);
    const sink = await OtlpSink.start();
    const metricsPort = await freePort();
    const scrapeUrls = [`http://127.0.0.1:${metricsPort}/metrics`, ...p.services.map((s) => `${s.origin}/metrics`)];
    const telemetry: Array<{ on: boolean; result: LoadResult }> = [];
    try {
      for (const on of [false, true, false, true]) {
        const env: Record<string, string> = on ? { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, METRICS_PORT: String(metricsPort) } : {};
        for (const x of p.all) await x.restart(env);
        await runLoad({ concurrency: TELEMETRY_LEVEL, durationMs: WARMUP_SECONDS * 1000, send: viaGateway });
        const scraper = on
          ? setInterval(() => {
              for (const u of scrapeUrls) void fetch(u).then((r) => r.text()).then((t) => (scraped += t.length), () => (scrapeErrors += 1));
            }, 5000)
          : undefined;
        const result = await runLoad({ concurrency: TELEMETRY_LEVEL, durationMs: SECONDS * 1000, send: viaGateway });
        clearInterval(scraper);
        telemetry.push({ on, result });
        say(`  ${on ? 'on ' : 'off'}: ${result.rps.toFixed(1)} req/s, p50 ${ms(result.p50)} ms, p99 ${ms(result.p99)} ms, ${result.errors} errors`);
      }
      for (const x of p.all) await x.restart();
    } finally {
      await sink.close();
    }
    const mean = (on: boolean) => {
      const r = telemetry.filter((t) => t.on === on).map((t) => t.result);
      return { rps: r.reduce((a, x) => a + x.rps, 0) / r.length, p50: r.reduce((a, x) => a + x.p50, 0) / r.length, errors: r.reduce((a, x) => a + x.errors, 0) };
    };
    const off = mean(false);
    const on = mean(true);
    const cost = 1 - on.rps / off.rps;
    say(`tracing + metrics off: ${off.rps.toFixed(1)} req/s (p50 ${ms(off.p50)} ms); on: ${on.rps.toFixed(1)} req/s (p50 ${ms(on.p50)} ms)`);
    say(`  cost: ${cost >= 0 ? `${(cost * 100).toFixed(1)}% fewer` : `${(-cost * 100).toFixed(1)}% more (the machine's noise is larger than the cost)`} requests per second with both on (target ≤ 10% fewer): ${cost <= 0.1 ? 'within' : 'OVER'}; ${sink.spans} spans exported in ${sink.requests} OTLP requests, ${(scraped / 1024).toFixed(0)} KB of metrics scraped, ${scrapeErrors} failed scrapes`);
    Object.assign(results, { telemetry: { concurrency: TELEMETRY_LEVEL, off, on, cost, spansExported: sink.spans, scrapeErrors } });

    const errors = runs.reduce((s, r) => s + r.gateway.errors, 0) + off.errors + on.errors;
    failed = errors > 0 || !levelsOff;
    say(errors ? `FAILED: ${errors} requests failed under load` : 'no request failed under load');
    say(`machine at the end: ${machine()}`);
    Object.assign(results, {
      mix: mix.kinds,
      recordedFetches: recorder.fetches.length,
      runs: runs.map((r) => ({
        concurrency: r.level,
        gateway: { ...r.gateway, rss: undefined },
        direct: { ...r.direct, rss: undefined },
        overheadP50: r.gateway.p50 / r.direct.p50,
        throughputRatio: r.direct.rps / r.gateway.rps,
      })),
      gatewayRssTimeline: timeline,
      memory: { ...level, levelsOff },
    });
    const out = path.join(ROOT, 'bench-results', `gateway-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(results, null, 2));
    say(`figures written to ${path.relative(ROOT, out)}`);
  } finally {
    await p.stop();
    for (const db of Object.values(databases)) await mysqlAdmin(`DROP DATABASE IF EXISTS \`${db}\``);
  }
  if (failed) process.exitCode = 1;
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:gateway failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
