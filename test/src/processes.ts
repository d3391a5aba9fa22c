/**
 * The platform as real processes, the way `npm start` runs it (scripts/start.js): each subgraph
 * `SERVICES` lists and the gateway spawned as `node <folder>/dist/main.js`, here on free ports,
 * a temporary DATA_DIR and secrets of its own, each process's output kept in a log file. Fault
 * tests stop, kill and restart one process; production tests read a process's log.
 *
 * Used by the hardening tests (under jest) and by the gateway bench (compiled), so it imports only
 * what the kernel's build exports.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Principal, SERVICES, signServiceToken, signUserToken, TokenKeys } from '@tw/kernel';
import { freePort } from '@tw/kernel/testing';
import type { GraphQLAnswer } from '@tw/kernel/testing';

export { freePort };

/** The repository root (this file is test/src/processes.ts, or bench/gateway/dist/test/src/processes.js in the bench build). */
export const ROOT = findRoot(__dirname);

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'tsconfig.build.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No tsconfig.build.json above ${from}`);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds every workspace (`tsc -b tsconfig.build.json`), once per process. Concurrent jest workers
 * take turns through a lock directory, so two builds never write the same dist files at once.
 * TW_SKIP_BUILD=1 runs what dist/ holds (the bench builds first; a test run of a half-edited tree).
 */
let built: Promise<void> | undefined;
export function ensureBuilt(): Promise<void> {
  if (process.env.TW_SKIP_BUILD === '1') return Promise.resolve();
  built ??= (async () => {
    const lock = path.join(os.tmpdir(), `tw-build-${Buffer.from(ROOT).toString('base64url').slice(-24)}.lock`);
    const deadline = Date.now() + 10 * 60_000;
    for (;;) {
      try {
        fs.mkdirSync(lock);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        // a lock left by a build that died is older than any build takes
        const held = fs.statSync(lock, { throwIfNoEntry: false });
        if (held && Date.now() - held.mtimeMs > 5 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
        if (Date.now() > deadline) throw new Error(`Waited 10 minutes for the build lock ${lock}`);
        await sleep(200);
      }
    }
    try {
      const tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
      const r = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`npx tsc -b tsconfig.build.json failed:\n${r.stdout}${r.stderr}`);
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  })();
  return built;
}


/** The resident memory of a process in kB (VmRSS of /proc/<pid>/status), or undefined once it is gone. */
export function rssKb(pid: number): number | undefined {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** One process of the platform: started, stopped, killed and started again on the same port and data. */
export class PlatformProcess {
  private child?: ChildProcess;
  private exited?: Promise<ExitStatus>;
  private lastExit?: ExitStatus;

  constructor(
    readonly name: string,
    /** the script `node` runs, e.g. <root>/services/personnel/dist/main.js */
    readonly script: string,
    readonly port: number,
    /** the environment it starts with; `start(extra)` adds to it for one start */
    readonly env: Readonly<Record<string, string>>,
    /** stdout and stderr of every start, appended */
    readonly logFile: string,
  ) {}

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get graphqlUrl(): string {
    return `${this.origin}/graphql`;
  }

  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Spawns the process and resolves when `/ready` answers 200; rejects with its log if it exits or is not ready in time. */
  async start(extraEnv: Readonly<Record<string, string>> = {}, timeoutMs = 120_000): Promise<void> {
    if (this.running) throw new Error(`${this.name} is already running (pid ${this.child!.pid})`);
    fs.mkdirSync(path.dirname(this.logFile), { recursive: true });
    const out = fs.openSync(this.logFile, 'a');
    try {
      const child = spawn(process.execPath, [this.script], { cwd: ROOT, env: { ...this.env, ...extraEnv }, stdio: ['ignore', out, out] });
      this.child = child;
      this.lastExit = undefined;
      this.exited = new Promise((resolve) =>
        child.once('exit', (code, signal) => {
          this.lastExit = { code, signal };
          resolve(this.lastExit);
        }),
      );
      LIVE.add(child);
      child.once('exit', () => LIVE.delete(child));
    } finally {
      fs.closeSync(out);
    }
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running) throw new Error(`${this.name} exited (${JSON.stringify(this.lastExit)}) before it was ready; its log ends:\n${this.logTail()}`);
      try {
        const r = await fetch(`${this.origin}/ready`, { signal: AbortSignal.timeout(3000) });
        if (r.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${this.name} was not ready after ${timeoutMs / 1000} s; its log ends:\n${this.logTail()}`);
      await sleep(150);
    }
  }

  /** Sends `signal` and waits for the exit; SIGKILL when it has not exited after `graceMs`. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000): Promise<ExitStatus | undefined> {
    if (!this.running) return this.lastExit;
    this.child!.kill(signal);
    if (signal !== 'SIGKILL') this.child!.kill('SIGCONT');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), graceMs);
    try {
      return await this.exited!;
    } finally {
      clearTimeout(timer);
    }
  }

  /** SIGSTOP: the process stays alive, holding its connections, and answers nothing until `resume()`. */
  freeze(): void {
    if (!this.running) throw new Error(`${this.name} is not running`);
    this.child!.kill('SIGSTOP');
  }

  resume(): void {
    if (this.running) this.child!.kill('SIGCONT');
  }

  /** SIGKILL: the process gets no chance to finish what it was doing. */
  kill(): Promise<ExitStatus | undefined> {
    return this.stop('SIGKILL');
  }

  async restart(extraEnv: Readonly<Record<string, string>> = {}): Promise<void> {
    await this.stop();
    await this.start(extraEnv);
  }

  /** Everything the process wrote, over all its runs. */
  log(): string {
    return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
  }

  logTail(lines = 40): string {
    return this.log().split('\n').slice(-lines).join('\n');
  }
}

/**
 * Runs a script of the platform to its exit (or kills it after `timeoutMs`): for processes expected
 * to refuse to start. Resolves with the exit and everything it printed.
 */
export async function runToExit(script: string, env: Readonly<Record<string, string>>, timeoutMs = 30_000): Promise<ExitStatus & { output: string; timedOut: boolean }> {
  const child = spawn(process.execPath, [script], { cwd: ROOT, env: { ...baseEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  LIVE.add(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once('close', (c, s) => resolve([c, s])));
  clearTimeout(timer);
  LIVE.delete(child);
  return { code, signal, output, timedOut };
}

/** Children still alive, killed when this process exits so a failed test run leaves none behind. */
const LIVE = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of LIVE) c.kill('SIGKILL');
});

export interface ProcessPlatformOptions {
  /** NODE_ENV=production (default development) */
  readonly production?: boolean;
  /** a mysql:// URL for a service, by service name; the others run on SQLite files in the data dir */
  readonly databaseUrls?: Readonly<Record<string, string>>;
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** more environment for every process */
  readonly env?: Readonly<Record<string, string>>;
}

/** What every process needs from the machine's environment; nothing of the platform's own variables leaks in. */
function baseEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'TZ', 'SystemRoot'];
  return Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]!]));
}

/**
 * Starts every subgraph of `SERVICES` and then the gateway, each as its own process, and waits until
 * all are ready. `stop()` ends them all and removes the data dir.
 * @example const p = await startProcessPlatform({ production: true }); await p.process('compensation').stop();
 */
export async function startProcessPlatform(o: ProcessPlatformOptions = {}) {
  await ensureBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-proc-'));
  const keys: TokenKeys = {
    user: { kind: 'HS256', secret: randomBytes(32).toString('base64url') },
    gatewaySecret: randomBytes(32).toString('base64url'),
  };
  const gatewayPort = await freePort();
  const ports = new Map<string, number>();
  for (const s of SERVICES) ports.set(s.name, await freePort());

  const env: Record<string, string> = {
    ...baseEnv(),
    NODE_ENV: o.production ? 'production' : 'development',
    DATA_DIR: dataDir,
    LOG_LEVEL: o.logLevel ?? 'info',
    JWT_SECRET: keys.user.kind === 'HS256' ? keys.user.secret : '',
    GATEWAY_SECRET: keys.gatewaySecret,
    GATEWAY_HOST: '127.0.0.1',
    GATEWAY_PORT: String(gatewayPort),
    GATEWAY_URL: `http://127.0.0.1:${gatewayPort}/graphql`,
    DEMO_DATA: '0',
  };
  for (const s of SERVICES) {
    const port = ports.get(s.name)!;
    env[`${s.envPrefix}_HOST`] = '127.0.0.1';
    env[`${s.envPrefix}_PORT`] = String(port);
    env[`${s.envPrefix}_URL`] = `http://127.0.0.1:${port}/graphql`;
    const db = o.databaseUrls?.[s.name];
    if (db) env[`${s.envPrefix}_DATABASE_URL`] = db;
  }
  Object.assign(env, o.env);

  const logs = path.join(dataDir, 'logs');
  const services = SERVICES.map((s) => new PlatformProcess(s.name, path.join(ROOT, s.folder, 'dist/main.js'), ports.get(s.name)!, env, path.join(logs, `${s.name}.log`)));
  const gateway = new PlatformProcess('gateway', path.join(ROOT, 'gateway/dist/main.js'), gatewayPort, env, path.join(logs, 'gateway.log'));
  const all = [...services, gateway];

  const stop = async () => {
    await Promise.all(all.map((p) => p.stop()));
    // TW_KEEP_DATA_DIR=1 keeps the SQLite files and logs, to read after a failed run
    if (process.env.TW_KEEP_DATA_DIR !== '1') fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await Promise.all(services.map((s) => s.start()));
    await gateway.start();
  } catch (e) {
    await Promise.all(all.map((p) => p.stop('SIGKILL')));
    throw e;
  }

  const tokenOf = (principal: Principal): string =>
    principal.role === 'SERVICE' ? signServiceToken(principal.subject.replace(/^service:/, ''), keys.gatewaySecret) : signUserToken(principal, (keys.user as { secret: string }).secret, '1h');
  const processOf = (name: string): PlatformProcess => {
    const p = all.find((x) => x.name === name);
    if (!p) throw new Error(`No process ${name}: there are ${all.map((x) => x.name).join(', ')}`);
    return p;
  };
  return {
    dataDir,
    keys,
    gateway,
    services,
    /** every process, the gateway last */
    all,
    gatewayUrl: gateway.graphqlUrl,
    process: processOf,
    /** a bearer token for `principal`, valid for an hour */
    token: tokenOf,
    /** the SQLite file of a service on the embedded default */
    sqliteFile: (service: string) => path.join(dataDir, `${service}.sqlite`),
    stop,
  };
}

export type ProcessPlatform = Awaited<ReturnType<typeof startProcessPlatform>>;

export interface RawAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  /** the parsed body when it is JSON */
  readonly body?: { data?: unknown; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>; [k: string]: unknown };
}

/**
 * Posts a request body to a GraphQL endpoint and returns what came back, whatever it is (fuzzing,
 * error pages). `headers` may carry the bearer token and the gateway secret.
 */
export async function postRaw(url: string, body: string, headers: Record<string, string> = {}, timeoutMs = 30_000): Promise<RawAnswer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  let parsed: RawAnswer['body'];
  try {
    parsed = JSON.parse(text) as RawAnswer['body'];
  } catch {
    parsed = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, body: parsed };
}

/** A GraphQL answer with the HTTP status and the body's text (to search it for what must not be there). */
export type Answer<D = GraphQLAnswer['data']> = GraphQLAnswer<D> & { text: string };

/**
 * A GraphQL caller for one endpoint with a bearer token (and the gateway secret, to call a subgraph
 * straight): returns the parsed answer and the HTTP status.
 * @example const gql = caller(p.gatewayUrl, p.token(admin)); const r = await gql('{ schools { totalCount } }');
 */
export function caller(url: string, token?: string, gatewaySecret?: string) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (gatewaySecret) headers['x-gateway-secret'] = gatewaySecret;
  return async <D = GraphQLAnswer['data']>(query: string, variables?: Record<string, unknown>, more: Record<string, string> = {}): Promise<Answer<D>> => {
    const r = await postRaw(url, JSON.stringify({ query, variables }), { ...headers, ...more });
    if (!r.body) throw new Error(`${url} answered ${r.status} ${r.contentType} without a JSON body: ${r.text.slice(0, 300)}`);
    return { ...(r.body as Omit<GraphQLAnswer<D>, 'status'>), status: r.status, text: r.text };
  };
}

/**
 * A TCP proxy in front of a server (MariaDB) that a test can cut and restore, to take the database
 * away from one service without stopping the server other tests use. Cut, it resets every open
 * connection and every new one, as a database host that went down does.
 * @example const proxy = await TcpProxy.start('127.0.0.1', 3306); proxy.cut(); proxy.restore(); await proxy.close();
 */
export class TcpProxy {
  private readonly sockets = new Set<net.Socket>();
  private isCut = false;
  /** connections accepted and forwarded, over the proxy's life */
  connections = 0;

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
  ) {}

  static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    let self: TcpProxy | undefined;
    const server = net.createServer((client) => self!.accept(client, targetHost, targetPort));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    self = new TcpProxy(server, (server.address() as net.AddressInfo).port);
    return self;
  }

  private accept(client: net.Socket, host: string, port: number): void {
    if (this.isCut) {
      client.resetAndDestroy();
      return;
    }
    this.connections++;
    const upstream = net.connect(port, host);
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.sockets.add(a);
      a.on('error', () => b.destroy());
      a.on('close', () => {
        this.sockets.delete(a);
        b.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }

  get cutOff(): boolean {
    return this.isCut;
  }

  /** Resets every open connection and refuses new ones until `restore()`. */
  cut(): void {
    this.isCut = true;
    for (const s of this.sockets) s.resetAndDestroy();
    this.sockets.clear();
  }

  restore(): void {
    this.isCut = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
