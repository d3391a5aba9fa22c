import { gatewayFreezePeers, ServiceHandle, startService, TokenKeys } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { createReportLoaders, gatewayReportPeers, unreachablePeers } from './analytics';
import { PersonnelContext } from './context';
import { createLoaders } from './loaders';
import { buildPersonnelSchema } from './schema';

export interface PersonnelServerOptions {
  readonly dataSource: DataSource;
  readonly keys: TokenKeys;
  readonly production: boolean;
  readonly host?: string;
  /** 0 picks a free port */
  readonly port?: number;
  /** the gateway, through which the school comparison asks other services for the figure it sorts by */
  readonly gatewayUrl?: string;
}

/** Builds and starts the personnel subgraph over an open database. */
export async function startPersonnel(o: PersonnelServerOptions): Promise<ServiceHandle> {
  const schema = await buildPersonnelSchema();
  const peers = o.gatewayUrl ? gatewayReportPeers({ url: o.gatewayUrl, gatewaySecret: o.keys.gatewaySecret }) : unreachablePeers;
  return startService<PersonnelContext>(
    {
      name: 'personnel',
      schema,
      dataSource: o.dataSource,
      keys: o.keys,
      production: o.production,
      // freezeDistrictReport freezes the other services' parts through the gateway, for the admin
      freezePeers: o.gatewayUrl ? gatewayFreezePeers({ url: o.gatewayUrl, gatewaySecret: o.keys.gatewaySecret, owner: 'personnel' }) : undefined,
      context: (base) => ({ ...base, ds: o.dataSource, loaders: createLoaders(o.dataSource), reports: { loaders: createReportLoaders(o.dataSource), peers } }),
    },
    { host: o.host ?? '127.0.0.1', port: o.port ?? 0 },
  );
}
