/**
 * The subgraphs of the platform, in one place: the compose script, the gateway, `npm start` and the
 * tests all read this list. `port` is the default; `<NAME>_PORT` overrides it.
 */
export interface ServiceInfo {
  /** subgraph name in the supergraph */
  readonly name: string;
  /** environment variable prefix, e.g. PERSONNEL */
  readonly envPrefix: string;
  /** workspace folder, relative to the repository root */
  readonly folder: string;
  readonly defaultPort: number;
}

export const SERVICES: readonly ServiceInfo[] = [
  { name: 'personnel', envPrefix: 'PERSONNEL', folder: 'services/personnel', defaultPort: 4001 },
  { name: 'professional-development', envPrefix: 'PROFESSIONAL_DEVELOPMENT', folder: 'services/professional-development', defaultPort: 4002 },
  { name: 'compensation', envPrefix: 'COMPENSATION', folder: 'services/compensation', defaultPort: 4003 },
  { name: 'governance', envPrefix: 'GOVERNANCE', folder: 'services/governance', defaultPort: 4004 },
  { name: 'importer', envPrefix: 'IMPORTER', folder: 'importer', defaultPort: 4005 },
];

export const GATEWAY_DEFAULT_PORT = 4000;

/** The header through which the gateway proves to a subgraph that the request came through it. */
export const GATEWAY_SECRET_HEADER = 'x-gateway-secret';
/** The header carrying a request id from the gateway to the subgraphs, for searching the logs. */
export const REQUEST_ID_HEADER = 'x-request-id';
/** The import job a request writes for: the importer sends it, the gateway forwards it, the history keeps it. */
export const IMPORT_JOB_HEADER = 'x-import-job';

export function serviceInfo(name: string): ServiceInfo {
  const info = SERVICES.find((s) => s.name === name);
  if (!info) throw new Error(`Unknown service "${name}": known services are ${SERVICES.map((s) => s.name).join(', ')}`);
  return info;
}

/**
 * What every service's package exports (its src/index.ts), so that the compose script, `npm start`
 * and the cross-service tests treat all services alike.
 */
export interface ServiceModule {
  buildServiceSchema(): Promise<import('graphql').GraphQLSchema>;
  openServiceDatabase(o: { url?: string; dataDir: string; sqliteFile?: string; logSql?: boolean }): Promise<import('typeorm').DataSource>;
  startServiceServer(o: {
    dataSource: import('typeorm').DataSource;
    keys: import('./auth/tokens').TokenKeys;
    production: boolean;
    /** every request's clock (default the system clock) */
    clock?: import('./clock').Clock;
    host?: string;
    port?: number;
    /** the gateway, for calls to other services */
    gatewayUrl?: string;
  }): Promise<{ url: string; port: number; stop(): Promise<void> }>;
}
