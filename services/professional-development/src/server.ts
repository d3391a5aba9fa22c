import { BaseContext, ServiceHandle, startService, TokenKeys } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { buildProfessionalDevelopmentSchema } from './schema';

export interface ProfessionalDevelopmentServerOptions {
  readonly dataSource: DataSource;
  readonly keys: TokenKeys;
  readonly production: boolean;
  readonly host?: string;
  /** 0 picks a free port */
  readonly port?: number;
  /** the gateway, for calls to other services */
  readonly gatewayUrl?: string;
}

/** Builds and starts the professional-development subgraph over an open database. */
export async function startProfessionalDevelopment(o: ProfessionalDevelopmentServerOptions): Promise<ServiceHandle> {
  const schema = await buildProfessionalDevelopmentSchema();
  return startService<BaseContext>(
    { name: 'professional-development', schema, dataSource: o.dataSource, keys: o.keys, production: o.production, context: (base) => base },
    { host: o.host ?? '127.0.0.1', port: o.port ?? 0 },
  );
}
