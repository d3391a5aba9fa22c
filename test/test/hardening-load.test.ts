/**
 * The short, bounded form of `npm run bench:gateway`: the platform as processes in production mode,
 * the bench's query mix through the gateway at concurrency 8 for 10 s after a warm-up. No request may
 * fail, and no process's memory may keep growing. Nothing here is timed: speed is the bench's to report.
 */
import { IsolatedPlatform, launchIsolatedPlatform, ROOT } from '@tw/kernel/launcher';
import { memoryLevel, queryMix, readApiSchema, runLoad, sendGraphQL } from '@tw/kernel/testing';
import { caller } from '../src/callers';
import { seedSmallDistrict, SmallDistrict } from './hardening-seed';

const CONCURRENCY = 8;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
/** how much higher a process's RSS may be in the last third of the run than in the first */
const RSS_MARGIN = 1.3;
const HEAP_MB = 192;

describe('the gateway under a short load (production processes)', () => {
  let p: IsolatedPlatform;
  let d: SmallDistrict;
  beforeAll(async () => {
    // The old space is capped so V8 collects it within the run: unbounded, it lets garbage pile up for
    // tens of seconds before its first full collection, longer than this run, and RSS climbs meanwhile.
    // Capped, a process that levels off stays flat, and one that leaks dies of heap exhaustion.
    p = await launchIsolatedPlatform({ production: true, logLevel: 'warn', env: { NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` } });
    d = await seedSmallDistrict(caller(p.gatewayUrl, p.token({ subject: 'load', role: 'DISTRICT_ADMIN' })), 6, 30);
  }, 600_000);
  afterAll(() => p?.stop());

  it(`answers every request of the mix at concurrency ${CONCURRENCY} for ${SECONDS} s, and memory levels off`, async () => {
    const headers = { authorization: `Bearer ${p.token({ subject: 'load', role: 'DISTRICT_ADMIN' })}` };
    const mix = queryMix(readApiSchema(ROOT), { schoolIds: d.schools.map((s) => s.id), teacherIds: d.teachers.map((t) => t.id), year: d.year });
    const send = (i: number) => {
      const op = mix.next(i);
      return sendGraphQL(p.gatewayUrl, headers, op.name, JSON.stringify({ query: op.query, variables: op.variables }));
    };
    await runLoad({ concurrency: CONCURRENCY, durationMs: 3000, send });
    const pids = Object.fromEntries(p.all.map((x) => [x.name, x.pid!]));
    const r = await runLoad({ concurrency: CONCURRENCY, durationMs: SECONDS * 1000, send, processes: pids });

    expect({ errors: r.errors, samples: r.errorSamples }).toEqual({ errors: 0, samples: [] });
    expect(Object.keys(r.byKind).sort()).toEqual(mix.kinds.map((k) => k.name).sort());
    const memory = Object.fromEntries(p.all.map((x) => [x.name, memoryLevel(r.rss, x.name)]));
    const growing = Object.entries(memory).filter(([, m]) => m.growth > RSS_MARGIN);
    expect(growing).toEqual([]);
    // every process is the one that started: none crashed and came back
    expect(Object.fromEntries(p.all.map((x) => [x.name, x.pid]))).toEqual(pids);
    console.log(
      `load: ${r.count} requests in ${(r.durationMs / 1000).toFixed(1)} s at concurrency ${CONCURRENCY}, 0 errors; RSS first → last third: ${Object.entries(memory)
        .map(([n, m]) => `${n} ${(m.early / 1024).toFixed(0)}→${(m.late / 1024).toFixed(0)} MB`)
        .join(', ')}`,
    );
  });
});
