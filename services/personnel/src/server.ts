import { ServiceHandle, startService, TokenKeys } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { createLoaders, PersonnelContext } from './loaders';
import { buildPersonnelSchema } from './schema';

export interface PersonnelServerOptions {
  readonly dataSource: DataSource;
  readonly keys: TokenKeys;
  readonly production: boolean;
  readonly host?: string;
  /** 0 picks a free port */
  readonly port?: number;
}

/** Builds and starts the personnel subgraph over an open database. */
export async function startPersonnel(o: PersonnelServerOptions): Promise<ServiceHandle> {
  const schema = await buildPersonnelSchema();
  return startService<PersonnelContext>(
    {
      name: 'personnel',
      schema,
      dataSource: o.dataSource,
      keys: o.keys,
      production: o.production,
      context: (base) => ({ ...base, ds: o.dataSource, loaders: createLoaders(o.dataSource) }),
    },
    { host: o.host ?? '127.0.0.1', port: o.port ?? 0 },
  );
}
