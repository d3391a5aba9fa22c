import path from 'node:path';
import { STATISTICS_DAY_VAR } from '../history/valid-time';
import { resolveTokenKeys } from '../auth/secrets';
import { Role, USER_ROLES } from '../auth/principal';
import { TokenKeys } from '../auth/tokens';
import { businessDayClock, Clock, systemClock } from '../clock';
import type { Logger } from '../logger';
import { serviceInfo, SERVICES, GATEWAY_DEFAULT_PORT } from '../services';
import { ConfigError } from '../errors';
import { ConsoleSettings, readConsoleSettings } from './console-config';
import { env, readEnv } from './env';

export type NodeEnv = 'development' | 'production' | 'test';

/** What every process of the platform reads: where data lives, the mode, and the token keys. */
export interface CommonConfig {
  readonly nodeEnv: NodeEnv;
  readonly production: boolean;
  readonly dataDir: string;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  readonly keys: TokenKeys;
  /** MM-DD: each year's figures are as of this day of the year (STATISTICS_DAY, default 12-31) */
  readonly statisticsDay: string;
  /** BUSINESS_DATE: the day (YYYY-MM-DD, China) the processes' rules take as today instead of the real one */
  readonly businessDate?: string;
}

export interface ServiceConfig extends CommonConfig {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  /** mysql://… when set; otherwise the service runs on `<dataDir>/<name>.sqlite` */
  readonly databaseUrl?: string;
  /** the gateway's URL, for calls a service makes to another through it */
  readonly gatewayUrl: string;
  /** LOG_SQL: print every SQL statement */
  readonly logSql: boolean;
}

export interface GatewayConfig extends CommonConfig {
  readonly host: string;
  readonly port: number;
  /** each subgraph's GraphQL URL, by service name */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly subgraphTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly bodyLimitBytes: number;
  readonly limits: { readonly maxDepth: number; readonly maxCost: number; readonly maxAliases: number; readonly maxOperations: number; readonly maxTokens: number };
  /** the largest answer, in bytes */
  readonly responseLimitBytes: number;
  /** requests per token subject and per client address: a burst, then so many a second (0 a second: no budget) */
  readonly budget: {
    readonly perSubject: { readonly perSecond: number; readonly burst: number };
    readonly perAddress: { readonly perSecond: number; readonly burst: number };
  } | null;
  /** the console at /console/ and the GraphQL IDE at /graphql */
  readonly console: ConsoleSettings;
  /** GATEWAY_TRUSTED_DOCUMENTS: only the manifest's documents run; GATEWAY_ANY_DOCUMENT_ROLES may send any */
  readonly trustedDocuments: { readonly enabled: boolean; readonly anyDocumentRoles: readonly Role[] };
  /** METRICS_PORT: /metrics on a port of its own (METRICS_HOST, default 127.0.0.1); GATEWAY_METRICS_PUBLIC=1: on the public port too */
  readonly metrics: { readonly port?: number; readonly host: string; readonly onPublicPort: boolean };
  /** GATEWAY_SHUTDOWN_DELAY_MS: on SIGTERM, how long /ready fails while requests are still served, before the port closes */
  readonly shutdownDelayMs: number;
}

export function readCommonConfig(source: NodeJS.ProcessEnv = process.env): CommonConfig {
  const c = readEnv(
    {
      NODE_ENV: env.oneOf(['development', 'production', 'test'] as const, 'development'),
      DATA_DIR: env.string('data'),
      LOG_LEVEL: env.oneOf(['debug', 'info', 'warn', 'error'] as const, 'info'),
      JWT_SECRET: env.optional(env.string()),
      JWT_PUBLIC_KEY: env.optional(env.string()),
      JWT_JWKS_URL: env.optional(env.url(['https:', 'http:'])),
      JWT_ISSUER: env.optional(env.string()),
      JWT_AUDIENCE: env.optional(env.string()),
      GATEWAY_SECRET: env.optional(env.string()),
      STATISTICS_DAY: STATISTICS_DAY_VAR,
      BUSINESS_DATE: env.optional(env.date()),
    },
    source,
  );
  const production = c.NODE_ENV === 'production';
  const dataDir = path.resolve(c.DATA_DIR);
  const keys = resolveTokenKeys({
    production,
    dataDir,
    jwtSecret: c.JWT_SECRET,
    jwtPublicKey: c.JWT_PUBLIC_KEY,
    jwtJwksUrl: c.JWT_JWKS_URL,
    jwtIssuer: c.JWT_ISSUER,
    jwtAudience: c.JWT_AUDIENCE,
    gatewaySecret: c.GATEWAY_SECRET,
  });
  // The gateway secret signs the services' internal tokens (role SERVICE, any school): whoever holds
  // the users' signing secret must not be able to make one.
  if (production && keys.user.kind === 'HS256' && keys.user.secret === keys.gatewaySecret) {
    throw new ConfigError('In production JWT_SECRET and GATEWAY_SECRET must differ: the gateway secret signs internal service tokens');
  }
  return { nodeEnv: c.NODE_ENV, production, dataDir, logLevel: c.LOG_LEVEL, keys, statisticsDay: c.STATISTICS_DAY, businessDate: c.BUSINESS_DATE };
}

/** A service's configuration: the common part plus `<PREFIX>_PORT`, `<PREFIX>_HOST`, `<PREFIX>_DATABASE_URL`. */
export function readServiceConfig(name: string, source: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const info = serviceInfo(name);
  const p = info.envPrefix;
  const common = readCommonConfig(source);
  const own = readEnv(
    {
      [`${p}_HOST`]: env.string('127.0.0.1'),
      [`${p}_PORT`]: env.port(info.defaultPort),
      [`${p}_DATABASE_URL`]: env.optional(env.url(['mysql:', 'mariadb:'])),
      GATEWAY_URL: env.url(['http:', 'https:'], `http://127.0.0.1:${GATEWAY_DEFAULT_PORT}/graphql`),
      LOG_SQL: env.bool(false),
    },
    source,
  );
  return {
    ...common,
    name,
    host: own[`${p}_HOST`] as string,
    port: own[`${p}_PORT`] as number,
    databaseUrl: own[`${p}_DATABASE_URL`] as string | undefined,
    gatewayUrl: own.GATEWAY_URL as string,
    logSql: own.LOG_SQL as boolean,
  };
}

/**
 * The clock a process runs on: the system's, or with BUSINESS_DATE set, that day with the time of day
 * running (said in the log, as a warning in production, where the real day is expected).
 * @example const clock = configuredClock(cfg, logger); await startCompensation({ …, clock });
 */
export function configuredClock(cfg: CommonConfig, logger: Logger): Clock {
  if (!cfg.businessDate) return systemClock;
  const msg = `BUSINESS_DATE=${cfg.businessDate}: every rule takes ${cfg.businessDate} as today, not the real day`;
  if (cfg.production) logger.warn(msg);
  else logger.info(msg);
  return businessDayClock(cfg.businessDate);
}

/** The gateway's configuration: `GATEWAY_HOST`, `GATEWAY_PORT`, and `<PREFIX>_URL` for each subgraph. */
export function readGatewayConfig(source: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const common = readCommonConfig(source);
  const spec: Record<string, ReturnType<typeof env.string>> = {};
  for (const s of SERVICES) {
    const host = source[`${s.envPrefix}_HOST`] || '127.0.0.1';
    const port = source[`${s.envPrefix}_PORT`] || String(s.defaultPort);
    spec[`${s.envPrefix}_URL`] = env.url(['http:', 'https:'], `http://${host}:${port}/graphql`) as ReturnType<typeof env.string>;
  }
  const own = readEnv({ GATEWAY_HOST: env.string('0.0.0.0'), GATEWAY_PORT: env.port(GATEWAY_DEFAULT_PORT), ...spec }, source);
  const limits = readEnv(
    {
      GATEWAY_SUBGRAPH_TIMEOUT_MS: env.int(30_000, 100, 600_000),
      GATEWAY_REQUEST_TIMEOUT_MS: env.int(60_000, 100, 600_000),
      GATEWAY_BODY_LIMIT_BYTES: env.int(5 * 1024 * 1024, 1024, 100 * 1024 * 1024),
      GATEWAY_MAX_DEPTH: env.int(12, 2, 100),
      GATEWAY_MAX_COST: env.int(200_000, 100, 100_000_000),
      GATEWAY_MAX_ALIASES: env.int(30, 0, 10_000),
      GATEWAY_MAX_OPERATIONS: env.int(5, 1, 100),
      GATEWAY_MAX_TOKENS: env.int(5_000, 100, 1_000_000),
      GATEWAY_RESPONSE_LIMIT_BYTES: env.int(20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      GATEWAY_BUDGET_PER_SUBJECT_PER_SECOND: env.int(20, 0, 1_000_000),
      GATEWAY_BUDGET_PER_SUBJECT_BURST: env.int(60, 1, 1_000_000),
      GATEWAY_BUDGET_PER_ADDRESS_PER_SECOND: env.int(50, 0, 1_000_000),
      GATEWAY_BUDGET_PER_ADDRESS_BURST: env.int(150, 1, 1_000_000),
    },
    source,
  );
  const ops = readEnv(
    {
      GATEWAY_TRUSTED_DOCUMENTS: env.bool(false),
      GATEWAY_ANY_DOCUMENT_ROLES: env.optional(env.string()),
      METRICS_PORT: env.optional(env.port()),
      METRICS_HOST: env.string('127.0.0.1'),
      GATEWAY_METRICS_PUBLIC: env.bool(false),
      GATEWAY_SHUTDOWN_DELAY_MS: env.int(0, 0, 120_000),
    },
    source,
  );
  const anyDocumentRoles = (ops.GATEWAY_ANY_DOCUMENT_ROLES ?? '').split(',').map((r) => r.trim()).filter(Boolean) as Role[];
  for (const r of anyDocumentRoles) {
    if (!USER_ROLES.includes(r)) throw new ConfigError(`GATEWAY_ANY_DOCUMENT_ROLES: "${r}" is not one of ${USER_ROLES.join(', ')}`);
  }
  const subgraphUrls: Record<string, string> = {};
  for (const s of SERVICES) subgraphUrls[s.name] = (own as Record<string, unknown>)[`${s.envPrefix}_URL`] as string;
  return {
    ...common,
    host: own.GATEWAY_HOST as string,
    port: own.GATEWAY_PORT as number,
    subgraphUrls,
    subgraphTimeoutMs: limits.GATEWAY_SUBGRAPH_TIMEOUT_MS,
    requestTimeoutMs: limits.GATEWAY_REQUEST_TIMEOUT_MS,
    bodyLimitBytes: limits.GATEWAY_BODY_LIMIT_BYTES,
    limits: {
      maxDepth: limits.GATEWAY_MAX_DEPTH,
      maxCost: limits.GATEWAY_MAX_COST,
      maxAliases: limits.GATEWAY_MAX_ALIASES,
      maxOperations: limits.GATEWAY_MAX_OPERATIONS,
      maxTokens: limits.GATEWAY_MAX_TOKENS,
    },
    responseLimitBytes: limits.GATEWAY_RESPONSE_LIMIT_BYTES,
    budget:
      limits.GATEWAY_BUDGET_PER_SUBJECT_PER_SECOND === 0 || limits.GATEWAY_BUDGET_PER_ADDRESS_PER_SECOND === 0
        ? null
        : {
            perSubject: { perSecond: limits.GATEWAY_BUDGET_PER_SUBJECT_PER_SECOND, burst: limits.GATEWAY_BUDGET_PER_SUBJECT_BURST },
            perAddress: { perSecond: limits.GATEWAY_BUDGET_PER_ADDRESS_PER_SECOND, burst: limits.GATEWAY_BUDGET_PER_ADDRESS_BURST },
          },
    console: readConsoleSettings(source, common.production),
    trustedDocuments: { enabled: ops.GATEWAY_TRUSTED_DOCUMENTS, anyDocumentRoles },
    metrics: { port: ops.METRICS_PORT, host: ops.METRICS_HOST, onPublicPort: ops.GATEWAY_METRICS_PUBLIC },
    shutdownDelayMs: ops.GATEWAY_SHUTDOWN_DELAY_MS,
  };
}
