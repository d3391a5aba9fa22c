import { BaseContext, ServiceHandle, startService, TokenKeys } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { buildGovernanceSchema } from './schema';

export interface GovernanceServerOptions {
  readonly dataSource: DataSource;
  readonly keys: TokenKeys;
  readonly production: boolean;
  readonly host?: string;
  /** 0 picks a free port */
  readonly port?: number;
  /** the gateway, for calls to other services */
  readonly gatewayUrl?: string;
}

/** Builds and starts the governance subgraph over an open database. */
export async function startGovernance(o: GovernanceServerOptions): Promise<ServiceHandle> {
  const schema = await buildGovernanceSchema();
  return startService<BaseContext>(
    { name: 'governance', schema, dataSource: o.dataSource, keys: o.keys, production: o.production, context: (base) => base },
    { host: o.host ?? '127.0.0.1', port: o.port ?? 0 },
  );
}
