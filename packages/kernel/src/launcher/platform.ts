import path from 'node:path';
import { readGatewayConfig, readServiceConfig } from '../config/platform-config';
import { SERVICES } from '../services';
import { ExitStatus, PlatformProcess } from './platform-process';
import { ROOT } from './root';

/** The script a process of the platform runs: a subgraph SERVICES lists, or 'gateway'. */
export function platformScript(name: string): string {
  if (name === 'gateway') return path.join(ROOT, 'gateway/dist/main.js');
  const s = SERVICES.find((x) => x.name === name);
  if (!s) throw new Error(`No process ${name}: there are ${[...SERVICES.map((x) => x.name), 'gateway'].join(', ')}`);
  return path.join(ROOT, s.folder, 'dist/main.js');
}

/** Where the processes' output goes: a `<name>.log` per process in a folder, or each line handed over with the process's name. */
export type PlatformOutput = { readonly logDir: string } | { readonly lines: (process: string, line: string) => void };

export interface LaunchOptions {
  /**
   * The environment every process starts with, whole: nothing else of the caller's environment
   * reaches them (npm start passes its own; tests and benches a clean one). This is the one place
   * a setting reaches every process of the platform (a database URL, a limit, the business date):
   * add it here. Where each process listens is read from it with the kernel's config readers
   * (`<PREFIX>_HOST`/`_PORT`, `GATEWAY_HOST`/`_PORT` and their defaults), as the process reads it.
   */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly output: PlatformOutput;
  /** options for node itself, by process name, e.g. { importer: ['--cpu-prof'] } */
  readonly nodeArgs?: Readonly<Record<string, readonly string[]>>;
  /** how long one process may take to answer /ready (default 120 s) */
  readonly readyTimeoutMs?: number;
  /** called when a process, once ready, exits without having been asked (npm start then stops everything) */
  readonly onUnexpectedExit?: (process: PlatformProcess, status: ExitStatus) => void;
}

/**
 * The platform as processes, as `npm start` runs it and it is deployed: every subgraph SERVICES
 * lists and the gateway, each `node <folder>/dist/main.js` with `env`.
 * Constructing it starts nothing; `start()` starts all and waits until each answers /ready;
 * `stop()` ends all (also during `start()`). One process is stopped, killed, frozen or restarted
 * through `process(name)`.
 * @example const p = await launchPlatform({ env, output: { logDir } }); await p.process('compensation').restart(); await p.stop();
 */
export class Platform {
  /** the subgraphs, in SERVICES order */
  readonly services: readonly PlatformProcess[];
  readonly gateway: PlatformProcess;
  /** every process, the gateway last */
  readonly all: readonly PlatformProcess[];
  private readonly readyTimeoutMs: number;
  private stopAsked = false;

  constructor(o: LaunchOptions) {
    const env = o.env as NodeJS.ProcessEnv;
    const make = (name: string, host: string, port: number) => {
      const proc: PlatformProcess = new PlatformProcess({
        name,
        script: platformScript(name),
        host,
        port,
        env: o.env,
        output: 'logDir' in o.output ? { logFile: path.join(o.output.logDir, `${name}.log`) } : { lines: ((sink) => (line: string) => sink(name, line))(o.output.lines) },
        nodeArgs: o.nodeArgs?.[name],
        onUnexpectedExit: o.onUnexpectedExit && ((status) => o.onUnexpectedExit!(proc, status)),
      });
      return proc;
    };
    // the config readers fail here, naming every wrong variable, before anything is spawned
    this.services = SERVICES.map((s) => {
      const cfg = readServiceConfig(s.name, env);
      return make(s.name, cfg.host, cfg.port);
    });
    const gatewayCfg = readGatewayConfig(env);
    this.gateway = make('gateway', gatewayCfg.host, gatewayCfg.port);
    this.all = [...this.services, this.gateway];
    this.readyTimeoutMs = o.readyTimeoutMs ?? 120_000;
  }

  /** the gateway's GraphQL URL, as this machine reaches it */
  get gatewayUrl(): string {
    return this.gateway.graphqlUrl;
  }

  process(name: string): PlatformProcess {
    const p = this.all.find((x) => x.name === name);
    if (!p) throw new Error(`No process ${name}: there are ${this.all.map((x) => x.name).join(', ')}`);
    return p;
  }

  /**
   * Starts every process at once, the gateway with the subgraphs (it reads the supergraph composed at
   * build time, and its /ready answers once every subgraph's does), and waits until each is ready; on
   * a failure kills what started and throws.
   */
  async start(): Promise<void> {
    this.stopAsked = false;
    try {
      await Promise.all(this.all.map((p) => p.start({}, this.readyTimeoutMs)));
    } catch (e) {
      // a failed start leaves nothing behind; one ended by stop() is left to stop() to end gently
      if (!this.stopAsked) await Promise.all(this.all.map((p) => p.stop('SIGKILL')));
      throw e;
    }
  }

  /** Stops every process (SIGTERM, SIGKILL after 15 s) and waits for each to exit. */
  async stop(): Promise<void> {
    this.stopAsked = true;
    await Promise.all(this.all.map((p) => p.stop()));
  }
}

/** Makes the platform and starts it. */
export async function launchPlatform(o: LaunchOptions): Promise<Platform> {
  const p = new Platform(o);
  await p.start();
  return p;
}
