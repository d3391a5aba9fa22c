import { Clock, GatewayClient, gatewaySchoolDirectory, gatewayTeacherDirectory, SchoolDirectory, ServiceHandle, startService, TeacherDirectory, todayInChina, TokenKeys } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { createReportLoaders } from './analytics';
import { GovernanceContext } from './context';
import { createLoaders } from './loaders';
import { unreachableDirectories } from './school-directory';
import { buildGovernanceSchema } from './schema';

export interface GovernanceServerOptions {
  readonly dataSource: DataSource;
  readonly keys: TokenKeys;
  readonly production: boolean;
  /** what now and today are for every request (default the system clock; BUSINESS_DATE or a test pins the day) */
  readonly clock?: Clock;
  readonly host?: string;
  /** 0 picks a free port */
  readonly port?: number;
  /** the gateway, for calls to other services */
  readonly gatewayUrl?: string;
  /** personnel's teachers (default: asked through the gateway) */
  readonly directory?: TeacherDirectory;
  /** personnel's schools (default: asked through the gateway) */
  readonly schoolDirectory?: SchoolDirectory;
}

/** Builds and starts the governance subgraph over an open database. */
export async function startGovernance(o: GovernanceServerOptions): Promise<ServiceHandle> {
  const schema = await buildGovernanceSchema();
  const gateway = o.gatewayUrl ? new GatewayClient({ url: o.gatewayUrl, serviceName: 'governance', gatewaySecret: o.keys.gatewaySecret }) : undefined;
  const teachers = o.directory ?? (gateway ? gatewayTeacherDirectory(gateway) : unreachableDirectories.teachers);
  const schools = o.schoolDirectory ?? (gateway ? gatewaySchoolDirectory(gateway) : unreachableDirectories.schools);
  return startService<GovernanceContext>(
    {
      name: 'governance',
      schema,
      dataSource: o.dataSource,
      keys: o.keys,
      production: o.production,
      clock: o.clock,
      context: (base) => ({ ...base, ds: o.dataSource, loaders: createLoaders(o.dataSource), teachers, schools, reports: createReportLoaders(o.dataSource, todayInChina(base.clock)) }),
    },
    { host: o.host ?? '127.0.0.1', port: o.port ?? 0 },
  );
}
