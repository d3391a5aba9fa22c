import path from 'node:path';
import { resolveTokenKeys } from '../auth/secrets';
import { TokenKeys } from '../auth/tokens';
import { serviceInfo, SERVICES, GATEWAY_DEFAULT_PORT } from '../services';
import { env, readEnv } from './env';

export type NodeEnv = 'development' | 'production' | 'test';

/** What every process of the platform reads: where data lives, the mode, and the token keys. */
export interface CommonConfig {
  readonly nodeEnv: NodeEnv;
  readonly production: boolean;
  readonly dataDir: string;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  readonly keys: TokenKeys;
}

export interface ServiceConfig extends CommonConfig {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  /** mysql://… when set; otherwise the service runs on `<dataDir>/<name>.sqlite` */
  readonly databaseUrl?: string;
  /** the gateway's URL, for calls a service makes to another through it */
  readonly gatewayUrl: string;
}

export interface GatewayConfig extends CommonConfig {
  readonly host: string;
  readonly port: number;
  /** each subgraph's GraphQL URL, by service name */
  readonly subgraphUrls: Readonly<Record<string, string>>;
}

export function readCommonConfig(source: NodeJS.ProcessEnv = process.env): CommonConfig {
  const c = readEnv(
    {
      NODE_ENV: env.oneOf(['development', 'production', 'test'] as const, 'development'),
      DATA_DIR: env.string('data'),
      LOG_LEVEL: env.oneOf(['debug', 'info', 'warn', 'error'] as const, 'info'),
      JWT_SECRET: env.optional(env.string()),
      JWT_PUBLIC_KEY: env.optional(env.string()),
      JWT_ISSUER: env.optional(env.string()),
      JWT_AUDIENCE: env.optional(env.string()),
      GATEWAY_SECRET: env.optional(env.string()),
    },
    source,
  );
  const production = c.NODE_ENV === 'production';
  const dataDir = path.resolve(c.DATA_DIR);
  return {
    nodeEnv: c.NODE_ENV,
    production,
    dataDir,
    logLevel: c.LOG_LEVEL,
    keys: resolveTokenKeys({
      production,
      dataDir,
      jwtSecret: c.JWT_SECRET,
      jwtPublicKey: c.JWT_PUBLIC_KEY,
      jwtIssuer: c.JWT_ISSUER,
      jwtAudience: c.JWT_AUDIENCE,
      gatewaySecret: c.GATEWAY_SECRET,
    }),
  };
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
  };
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
  const subgraphUrls: Record<string, string> = {};
  for (const s of SERVICES) subgraphUrls[s.name] = (own as Record<string, unknown>)[`${s.envPrefix}_URL`] as string;
  return { ...common, host: own.GATEWAY_HOST as string, port: own.GATEWAY_PORT as number, subgraphUrls };
}
