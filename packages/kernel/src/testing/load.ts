/**
 * A closed-loop load driver: `concurrency` workers each send a request, wait for the answer and send
 * the next, for a bounded time, while the resident memory of the platform's processes is sampled.
 * Used by `npm run bench:gateway` and by the short load test.
 */
import { processStats } from '../launcher/platform-process';

/** What one request came to: its kind (for per-kind figures) and, when it failed, why. */
export interface Outcome {
  readonly kind: string;
  readonly error?: string;
}

export interface LoadOptions {
  readonly concurrency: number;
  readonly durationMs: number;
  /** sends the i-th request and tells how it went; never throws for a failed request */
  readonly send: (i: number) => Promise<Outcome>;
  /** processes whose VmRSS is sampled, by name */
  readonly processes?: Readonly<Record<string, number>>;
  readonly sampleEveryMs?: number;
}

export interface Percentiles {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export interface LoadResult extends Percentiles {
  readonly concurrency: number;
  readonly durationMs: number;
  readonly rps: number;
  readonly errors: number;
  /** the first few failures, to read */
  readonly errorSamples: readonly string[];
  readonly byKind: Readonly<Record<string, Percentiles>>;
  /** VmRSS samples in kB, by process, with the time since the start */
  readonly rss: ReadonlyArray<{ readonly atMs: number; readonly kb: Readonly<Record<string, number>> }>;
  readonly peakRssKb: Readonly<Record<string, number>>;
}

/** Latency percentiles in ms of a list of durations. */
export function percentiles(ms: readonly number[]): Percentiles {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : 0);
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.length ? sorted[sorted.length - 1] : 0 };
}

/**
 * Runs the load and returns throughput, latency percentiles, errors and the memory samples.
 * @example const r = await runLoad({ concurrency: 8, durationMs: 10_000, send: (i) => sendGateway(mix.next(i)) });
 */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const started = performance.now();
  const deadline = started + o.durationMs;
  const latencies: number[] = [];
  const byKind = new Map<string, number[]>();
  const errorSamples: string[] = [];
  let errors = 0;
  let next = 0;

  const rss: Array<{ atMs: number; kb: Record<string, number> }> = [];
  const sample = () => {
    if (!o.processes) return;
    const kb: Record<string, number> = {};
    for (const [name, pid] of Object.entries(o.processes)) kb[name] = processStats(pid)?.rssKb ?? 0;
    rss.push({ atMs: Math.round(performance.now() - started), kb });
  };
  sample();
  const sampler = setInterval(sample, o.sampleEveryMs ?? 250);

  const worker = async () => {
    while (performance.now() < deadline) {
      const i = next++;
      const t = performance.now();
      let outcome: Outcome;
      try {
        outcome = await o.send(i);
      } catch (e) {
        outcome = { kind: 'unknown', error: (e as Error).message };
      }
      const ms = performance.now() - t;
      latencies.push(ms);
      const list = byKind.get(outcome.kind) ?? [];
      list.push(ms);
      byKind.set(outcome.kind, list);
      if (outcome.error) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(`${outcome.kind}: ${outcome.error}`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: o.concurrency }, worker));
  } finally {
    clearInterval(sampler);
    sample();
  }
  const durationMs = performance.now() - started;
  const peakRssKb: Record<string, number> = {};
  for (const s of rss) for (const [name, kb] of Object.entries(s.kb)) peakRssKb[name] = Math.max(peakRssKb[name] ?? 0, kb);
  return {
    concurrency: o.concurrency,
    durationMs,
    rps: latencies.length / (durationMs / 1000),
    errors,
    errorSamples,
    ...percentiles(latencies),
    byKind: Object.fromEntries([...byKind].map(([k, v]) => [k, percentiles(v)])),
    rss,
    peakRssKb,
  };
}

/**
 * Whether a process's memory levels off: the highest RSS of the last third of the samples against
 * the highest of the first third (warm-up excluded by the caller). `growth` is the ratio.
 */
export function memoryLevel(rss: LoadResult['rss'], process: string): { early: number; late: number; growth: number } {
  const values = rss.map((s) => s.kb[process]).filter((v): v is number => typeof v === 'number' && v > 0);
  const third = Math.max(1, Math.floor(values.length / 3));
  const early = Math.max(...values.slice(0, third));
  const late = Math.max(...values.slice(-third));
  return { early, late, growth: late / early };
}

/**
 * Sends an operation to the gateway (or any GraphQL endpoint) and calls it failed unless it answers
 * 200 with data and no error.
 */
export async function sendGraphQL(url: string, headers: Readonly<Record<string, string>>, kind: string, body: string, timeoutMs = 60_000): Promise<Outcome> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    if (res.status !== 200) return { kind, error: `HTTP ${res.status}: ${text.slice(0, 200)}` };
    const parsed = JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string }> };
    if (parsed.errors?.length) return { kind, error: parsed.errors.map((e) => e.message).join('; ').slice(0, 300) };
    if (parsed.data === undefined || parsed.data === null) return { kind, error: 'no data' };
    return { kind };
  } catch (e) {
    return { kind, error: (e as Error).message };
  }
}
