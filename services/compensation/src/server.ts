import { BaseContext, ServiceHandle, startService, TokenKeys } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { buildCompensationSchema } from './schema';

export interface CompensationServerOptions {
  readonly dataSource: DataSource;
  readonly keys: TokenKeys;
  readonly production: boolean;
  readonly host?: string;
  /** 0 picks a free port */
  readonly port?: number;
  /** the gateway, for calls to other services */
  readonly gatewayUrl?: string;
}

/** Builds and starts the compensation subgraph over an open database. */
export async function startCompensation(o: CompensationServerOptions): Promise<ServiceHandle> {
  const schema = await buildCompensationSchema();
  return startService<BaseContext>(
    { name: 'compensation', schema, dataSource: o.dataSource, keys: o.keys, production: o.production, context: (base) => base },
    { host: o.host ?? '127.0.0.1', port: o.port ?? 0 },
  );
}
