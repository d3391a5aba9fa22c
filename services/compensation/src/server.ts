import { AppError, Clock, ErrorCode, GatewayClient, gatewaySchoolDirectory, gatewayTeacherDirectory, SchoolDirectory, ServiceHandle, startService, TeacherDirectory, TokenKeys } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { createReportLoaders } from './analytics';
import { CompensationContext } from './context';
import { createLoaders } from './loaders';
import { buildCompensationSchema } from './schema';

export interface CompensationServerOptions {
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
  /** personnel's teachers; by default asked through the gateway */
  readonly directory?: TeacherDirectory;
  /** personnel's schools; by default asked through the gateway */
  readonly schools?: SchoolDirectory;
}

/** Without a gateway there is no one to ask: a write that needs personnel says so. */
function noGateway(): never {
  throw new AppError(ErrorCode.UNAVAILABLE, 'The compensation service has no gateway URL (GATEWAY_URL) to check teachers and schools with personnel');
}

/** Builds and starts the compensation subgraph over an open database. */
export async function startCompensation(o: CompensationServerOptions): Promise<ServiceHandle> {
  const schema = await buildCompensationSchema();
  const gateway = o.gatewayUrl ? new GatewayClient({ url: o.gatewayUrl, serviceName: 'compensation', gatewaySecret: o.keys.gatewaySecret }) : null;
  const directory = o.directory ?? (gateway ? gatewayTeacherDirectory(gateway) : { lookup: async () => noGateway() });
  const schools = o.schools ?? (gateway ? gatewaySchoolDirectory(gateway) : { lookup: async () => noGateway(), count: async () => noGateway() });
  return startService<CompensationContext>(
    {
      name: 'compensation',
      schema,
      dataSource: o.dataSource,
      keys: o.keys,
      production: o.production,
      clock: o.clock,
      context: (base) => ({ ...base, ds: o.dataSource, loaders: createLoaders(o.dataSource, base.principal), directory, schools, reports: createReportLoaders(o.dataSource, base.principal) }),
    },
    { host: o.host ?? '127.0.0.1', port: o.port ?? 0 },
  );
}
