import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Principal } from '../auth/principal';
import { signServiceToken, signUserToken, TokenKeys } from '../auth/tokens';
import { SERVICES } from '../services';
import { TEST_DATE } from '../testing/test-clock';
import { freePort } from './free-port';
import { LaunchOptions, Platform, PlatformOutput } from './platform';
import { machineEnv } from './platform-process';
import { readLauncherSettings } from './settings';

export interface IsolatedPlatformOptions {
  /** NODE_ENV=production (default development) */
  readonly production?: boolean;
  /** a mysql:// URL for a service, by service name; the others run on SQLite files in the data dir */
  readonly databaseUrls?: Readonly<Record<string, string>>;
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** BUSINESS_DATE of every process (default TEST_DATE: what the process tests and benches see does not change with the day) */
  readonly businessDate?: string;
  /** more environment for every process, over what this sets (a limit) */
  readonly env?: Readonly<Record<string, string>>;
  /** default: a `<name>.log` per process in `<dataDir>/logs` */
  readonly output?: PlatformOutput;
  readonly nodeArgs?: LaunchOptions['nodeArgs'];
}

/** The platform of `launchIsolatedPlatform`: its own data dir and secrets, tokens made with them. */
export class IsolatedPlatform extends Platform {
  constructor(
    o: LaunchOptions,
    /** the temporary DATA_DIR (SQLite files, logs), removed by `stop()` */
    readonly dataDir: string,
    readonly keys: TokenKeys,
  ) {
    super(o);
  }

  /** A bearer token for `principal`, valid for an hour (a SERVICE principal gets a service token). */
  token(principal: Principal): string {
    if (principal.role === 'SERVICE') return signServiceToken(principal.subject.replace(/^service:/, ''), this.keys.gatewaySecret);
    if (this.keys.user.kind !== 'HS256') throw new Error('token() needs HS256 keys');
    return signUserToken(principal, this.keys.user.secret, '1h', this.keys.user);
  }

  /** the SQLite file of a service on the embedded default */
  sqliteFile(service: string): string {
    return path.join(this.dataDir, `${service}.sqlite`);
  }

  /** Stops every process and removes the data dir (TW_KEEP_DATA_DIR=1 keeps it, to read after a failed run). */
  override async stop(): Promise<void> {
    await super.stop();
    if (!readLauncherSettings().keepDataDir) fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/**
 * The platform as processes (`launchPlatform`) apart from anything else on the machine: free
 * ports, a temporary DATA_DIR, secrets of its own, nothing of the caller's environment but PATH and
 * the like. For the process tests and the benches.
 * @example const p = await launchIsolatedPlatform({ production: true }); const gql = graphqlClient(p.gatewayUrl, { token: p.token(admin) }); await p.stop();
 */
export async function launchIsolatedPlatform(o: IsolatedPlatformOptions = {}): Promise<IsolatedPlatform> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-proc-'));
  const keys: TokenKeys = {
    user: { kind: 'HS256', secret: randomBytes(32).toString('base64url') },
    gatewaySecret: randomBytes(32).toString('base64url'),
  };
  const gatewayPort = await freePort();
  const env: Record<string, string> = {
    ...machineEnv(),
    NODE_ENV: o.production ? 'production' : 'development',
    DATA_DIR: dataDir,
    LOG_LEVEL: o.logLevel ?? 'info',
    JWT_SECRET: keys.user.kind === 'HS256' ? keys.user.secret : '',
    GATEWAY_SECRET: keys.gatewaySecret,
    GATEWAY_HOST: '127.0.0.1',
    GATEWAY_PORT: String(gatewayPort),
    GATEWAY_URL: `http://127.0.0.1:${gatewayPort}/graphql`,
    DEMO_DATA: '0',
    BUSINESS_DATE: o.businessDate ?? TEST_DATE,
    // the process tests and benches drive the gateway from one address faster than any user: no request budget unless asked for
    GATEWAY_BUDGET_PER_SUBJECT_PER_SECOND: '0',
  };
  for (const s of SERVICES) {
    const port = await freePort();
    env[`${s.envPrefix}_HOST`] = '127.0.0.1';
    env[`${s.envPrefix}_PORT`] = String(port);
    env[`${s.envPrefix}_URL`] = `http://127.0.0.1:${port}/graphql`;
    const db = o.databaseUrls?.[s.name];
    if (db) env[`${s.envPrefix}_DATABASE_URL`] = db;
  }
  Object.assign(env, o.env);
  const p = new IsolatedPlatform({ env, output: o.output ?? { logDir: path.join(dataDir, 'logs') }, nodeArgs: o.nodeArgs }, dataDir, keys);
  try {
    await p.start();
  } catch (e) {
    if (!readLauncherSettings().keepDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  return p;
}
