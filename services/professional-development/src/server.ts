import {
  Clock,
  GATEWAY_DEFAULT_PORT,
  GatewayClient,
  gatewayTeacherDirectory,
  ServiceHandle,
  startService,
  TeacherDirectory,
  TokenKeys,
} from '@tw/kernel';
import { DataSource } from 'typeorm';
import { createReportLoaders, DesignatedRoster, gatewayDesignatedRoster } from './analytics';
import { EligibilityChecker, gatewayEligibilityChecker } from './eligibility';
import { DevelopmentContext } from './context';
import { createLoaders } from './loaders';
import { buildProfessionalDevelopmentSchema } from './schema';

export interface ProfessionalDevelopmentServerOptions {
  readonly dataSource: DataSource;
  readonly keys: TokenKeys;
  readonly production: boolean;
  /** what now and today are for every request (default the system clock; BUSINESS_DATE or a test pins the day) */
  readonly clock?: Clock;
  readonly host?: string;
  /** 0 picks a free port */
  readonly port?: number;
  /** the gateway, for calls to other services (default http://127.0.0.1:4000/graphql) */
  readonly gatewayUrl?: string;
  /** personnel's teachers, to check the teachers bulk rows name (default: asked through the gateway) */
  readonly directory?: TeacherDirectory;
  /** governance's one-vote veto, checked for new designations (default: asked through the gateway) */
  readonly eligibility?: EligibilityChecker;
  /** personnel's counts of the designated teachers, for the report figures (default: asked through the gateway) */
  readonly roster?: DesignatedRoster;
}

/** Builds and starts the professional-development subgraph over an open database. */
export async function startProfessionalDevelopment(o: ProfessionalDevelopmentServerOptions): Promise<ServiceHandle> {
  const schema = await buildProfessionalDevelopmentSchema();
  const gateway = new GatewayClient({
    url: o.gatewayUrl ?? `http://127.0.0.1:${GATEWAY_DEFAULT_PORT}/graphql`,
    serviceName: 'professional-development',
    gatewaySecret: o.keys.gatewaySecret,
  });
  const directory = o.directory ?? gatewayTeacherDirectory(gateway);
  const eligibility = o.eligibility ?? gatewayEligibilityChecker(gateway);
  const roster = o.roster ?? gatewayDesignatedRoster(gateway);
  return startService<DevelopmentContext>(
    {
      name: 'professional-development',
      schema,
      dataSource: o.dataSource,
      keys: o.keys,
      production: o.production,
      clock: o.clock,
      context: (base) => ({ ...base, ds: o.dataSource, loaders: createLoaders(o.dataSource), directory, eligibility, reports: createReportLoaders(o.dataSource, roster) }),
    },
    { host: o.host ?? '127.0.0.1', port: o.port ?? 0 },
  );
}
