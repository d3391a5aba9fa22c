import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { ensureBuiltWhenFromSource } from './build';
import { ROOT } from './root';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/**
 * Where a process's output goes: appended to a file, every run of it (the child writes to the
 * file itself, so a busy parent never holds it up), or handed over line by line as it comes (the
 * last lines kept for `log()` and for the error when it does not start).
 */
export type ProcessOutput = { readonly logFile: string } | { readonly lines: (line: string) => void };

export interface PlatformProcessOptions {
  readonly name: string;
  /** the script `node` runs, e.g. <root>/services/personnel/dist/main.js */
  readonly script: string;
  /** where it listens; `/ready` is asked there (0.0.0.0 is asked on 127.0.0.1) */
  readonly host: string;
  readonly port: number;
  /** the environment it starts with, whole; `start(extra)` adds to it for one start */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly output: ProcessOutput;
  /** options for node itself, e.g. ['--cpu-prof'] */
  readonly nodeArgs?: readonly string[];
  /** called when the process, once ready, exits without `stop()` having been asked */
  readonly onUnexpectedExit?: (status: ExitStatus) => void;
}

/** How many lines a process handing its output over keeps, for `log()` and errors. */
const KEPT_LINES = 500;

/** Children still alive, killed when this process exits so a failed run leaves none behind. */
const LIVE = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of LIVE) c.kill('SIGKILL');
});

/**
 * One process of the platform: started and waited for until `/ready` answers, stopped, killed,
 * frozen and started again on the same port and data.
 * @example const p = new PlatformProcess({ name: 'personnel', script, host: '127.0.0.1', port, env, output: { logFile } }); await p.start(); await p.restart();
 */
export class PlatformProcess {
  readonly name: string;
  readonly script: string;
  readonly port: number;
  readonly env: Readonly<Record<string, string | undefined>>;
  private readonly o: PlatformProcessOptions;
  private child?: ChildProcess;
  private exited?: Promise<ExitStatus>;
  private lastExit?: ExitStatus;
  private stopAsked = false;
  private readonly kept: string[] = [];

  constructor(o: PlatformProcessOptions) {
    this.o = o;
    this.name = o.name;
    this.script = o.script;
    this.port = o.port;
    this.env = o.env;
  }

  /** http://host:port, as this machine reaches it */
  get origin(): string {
    const host = ['0.0.0.0', '::', ''].includes(this.o.host) ? '127.0.0.1' : this.o.host;
    return `http://${host}:${this.port}`;
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

  /** Spawns the process and resolves when `/ready` answers 200; rejects with its last output if it exits or is not ready in time. */
  async start(extraEnv: Readonly<Record<string, string>> = {}, timeoutMs = 120_000): Promise<void> {
    if (this.running) throw new Error(`${this.name} is already running (pid ${this.child!.pid})`);
    await ensureBuiltWhenFromSource();
    this.stopAsked = false;
    this.lastExit = undefined;
    const argv = [...(this.o.nodeArgs ?? []), this.script];
    const env = { ...this.env, ...extraEnv };
    let child: ChildProcess;
    if ('logFile' in this.o.output) {
      fs.mkdirSync(path.dirname(this.o.output.logFile), { recursive: true });
      const out = fs.openSync(this.o.output.logFile, 'a');
      try {
        child = spawn(process.execPath, argv, { cwd: ROOT, env, stdio: ['ignore', out, out] });
      } finally {
        fs.closeSync(out);
      }
    } else {
      const sink = this.o.output.lines;
      child = spawn(process.execPath, argv, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      for (const stream of [child.stdout!, child.stderr!]) {
        readline.createInterface({ input: stream }).on('line', (line) => {
          this.kept.push(line);
          if (this.kept.length > KEPT_LINES) this.kept.shift();
          sink(line);
        });
      }
    }
    this.child = child;
    let ready = false;
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        LIVE.delete(child);
        this.lastExit = { code, signal };
        if (ready && !this.stopAsked) this.o.onUnexpectedExit?.(this.lastExit);
        resolve(this.lastExit);
      }),
    );
    LIVE.add(child);

    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running) throw new Error(`${this.name} exited (${describeExit(this.lastExit)}) before it was ready; its output ends:\n${this.logTail()}`);
      try {
        const r = await fetch(`${this.origin}/ready`, { signal: AbortSignal.timeout(3000) });
        if (r.ok) {
          ready = true;
          return;
        }
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${this.name} was not ready after ${timeoutMs / 1000} s; its output ends:\n${this.logTail()}`);
      await sleep(150);
    }
  }

  /** Sends `signal` and waits for the exit; SIGKILL when it has not exited after `graceMs`. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000): Promise<ExitStatus | undefined> {
    if (!this.running) return this.lastExit;
    this.stopAsked = true;
    this.child!.kill(signal);
    // a frozen process gets the signal only once it runs again
    if (signal !== 'SIGKILL') this.child!.kill('SIGCONT');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), graceMs);
    try {
      return await this.exited!;
    } finally {
      clearTimeout(timer);
    }
  }

  /** SIGKILL: the process gets no chance to finish what it was doing. */
  kill(): Promise<ExitStatus | undefined> {
    return this.stop('SIGKILL');
  }

  /** SIGSTOP: the process stays alive, holding its connections, and answers nothing until `resume()`. */
  freeze(): void {
    if (!this.running) throw new Error(`${this.name} is not running`);
    this.child!.kill('SIGSTOP');
  }

  resume(): void {
    if (this.running) this.child!.kill('SIGCONT');
  }

  /** Stops it (SIGTERM) and starts it again on the same port and data, with `extraEnv` for this run. */
  async restart(extraEnv: Readonly<Record<string, string>> = {}): Promise<void> {
    await this.stop();
    await this.start(extraEnv);
  }

  /** Everything the process wrote, over all its runs (handing its output over: the last lines kept). */
  log(): string {
    if ('lines' in this.o.output) return this.kept.join('\n');
    return fs.existsSync(this.o.output.logFile) ? fs.readFileSync(this.o.output.logFile, 'utf8') : '';
  }

  logTail(lines = 40): string {
    return this.log().split('\n').slice(-lines).join('\n');
  }

  /** Its memory and CPU time now, from /proc (Linux); undefined once it is gone. */
  stats(): ProcessStats | undefined {
    const pid = this.pid;
    return pid === undefined ? undefined : processStats(pid);
  }
}

function describeExit(s: ExitStatus | undefined): string {
  if (!s) return 'unknown';
  return s.signal ? `signal ${s.signal}` : `exit code ${s.code}`;
}

export interface ProcessStats {
  /** resident memory now (VmRSS), kB */
  readonly rssKb: number;
  /** the most resident memory it has had (VmHWM), kB */
  readonly peakRssKb: number;
  /** user + system CPU time so far */
  readonly cpuSeconds: number;
}

/** A process's memory and CPU time, from /proc (Linux); undefined when it is gone or /proc is not there. */
export function processStats(pid: number): ProcessStats | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? 0);
    // utime and stime are the 14th and 15th fields, counted after the command name's closing parenthesis
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return { rssKb: kb('VmRSS'), peakRssKb: kb('VmHWM'), cpuSeconds: (Number(stat[11]) + Number(stat[12])) / 100 };
  } catch {
    return undefined;
  }
}

/** What every process needs from the machine's environment; nothing of the platform's own variables leaks in. */
export function machineEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'TZ', 'SystemRoot'];
  return Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]!]));
}

/**
 * Runs a script of the platform to its exit (or kills it after `timeoutMs`), with the machine's
 * environment and `env`: for processes expected to refuse to start. Resolves with the exit and
 * everything it printed.
 * @example const r = await runToExit(platformScript('gateway'), { NODE_ENV: 'production' }); // r.code === 1
 */
export async function runToExit(script: string, env: Readonly<Record<string, string>>, timeoutMs = 30_000): Promise<ExitStatus & { output: string; timedOut: boolean }> {
  await ensureBuiltWhenFromSource();
  const child = spawn(process.execPath, [script], { cwd: ROOT, env: { ...machineEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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
