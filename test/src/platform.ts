import path from 'node:path';
import { composeSupergraph, GatewayOptions, startGateway } from '@tw/gateway';
import { Principal, SERVICES, ServiceModule, statementCounter, subgraphSdl, TokenKeys } from '@tw/kernel';
import { freePort } from '@tw/kernel/launcher';
import { createTestDatabase, graphqlClient, TestDatabase, TestDatabaseKind, testKeys, tokenFor } from '@tw/kernel/testing';
import { DataSource } from 'typeorm';

const ROOT = path.resolve(__dirname, '../..');

/** Each service's module, loaded from its sources (jest transforms them). */
export function serviceModule(folder: string): ServiceModule {
  return require(path.join(ROOT, folder, 'src/index.ts')) as ServiceModule;
}

/** Every service's SDL and the supergraph composed from them, from the sources. */
export async function composeFromSources() {
  const subgraphs = [];
  for (const s of SERVICES) {
    subgraphs.push({ name: s.name, url: `http://localhost:${s.defaultPort}/graphql`, sdl: subgraphSdl(await serviceModule(s.folder).buildServiceSchema()) });
  }
  return { subgraphs, ...composeSupergraph(subgraphs) };
}

export interface RunningService {
  readonly name: string;
  readonly url: string;
  readonly ds: DataSource;
  readonly db: TestDatabase;
  stop(): Promise<void>;
}

/**
 * The whole platform in this process: every service on a fresh database of `kind`, and the gateway
 * over the supergraph composed from the sources. `as(principal)` is a client of the gateway.
 */
export async function startPlatform(kind: TestDatabaseKind, o: { gateway?: (keys: TokenKeys) => Partial<GatewayOptions> } = {}) {
  const keys = testKeys();
  const { supergraphSdl } = await composeFromSources();
  const services: RunningService[] = [];
  const gatewayPort = await freePort();
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  for (const s of SERVICES) {
    const mod = serviceModule(s.folder);
    const db = await createTestDatabase(kind, s.name.replace(/-/g, '_').slice(0, 12));
    const ds = await mod.openServiceDatabase({ url: db.url, dataDir: db.dataDir, sqliteFile: db.sqliteFile });
    const handle = await mod.startServiceServer({ dataSource: ds, keys, production: false, gatewayUrl });
    services.push({ name: s.name, url: handle.url, ds, db, stop: handle.stop });
  }
  const gateway = await startGateway({
    supergraphSdl,
    subgraphUrls: Object.fromEntries(services.map((s) => [s.name, s.url])),
    gatewaySecret: keys.gatewaySecret,
    production: false,
    port: gatewayPort,
    ...o.gateway?.(keys),
  });
  const as = (principal: Principal) => graphqlClient(gateway.url, { token: tokenFor(keys, principal) });
  const service = (name: string) => {
    const s = services.find((x) => x.name === name);
    if (!s) throw new Error(`no service ${name}`);
    return s;
  };
  return {
    keys,
    supergraphSdl,
    gatewayUrl: gateway.url,
    gateway,
    services,
    service,
    as,
    admin: as({ subject: 'district-admin', role: 'DISTRICT_ADMIN' }),
    tokenOf: (principal: Principal) => tokenFor(keys, principal),
    /** SQL statements every service has made so far */
    statements: () => Object.fromEntries(services.map((s) => [s.name, statementCounter(s.ds).total])),
    stop: async () => {
      await gateway.stop();
      for (const s of services) {
        await s.stop();
        await s.db.drop();
      }
    },
  };
}

export type Platform = Awaited<ReturnType<typeof startPlatform>>;

