import type { ServiceModule } from '@tw/kernel';
import { openGovernanceDatabase } from './database';
import { buildGovernanceSchema } from './schema';
import { startGovernance } from './server';

export { buildGovernanceSchema, openGovernanceDatabase, startGovernance };
export { ENTITIES, MIGRATIONS } from './database';
export type { GovernanceServerOptions } from './server';

/** The contract every service exports (see ServiceModule). */
export const buildServiceSchema: ServiceModule['buildServiceSchema'] = buildGovernanceSchema;
export const openServiceDatabase: ServiceModule['openServiceDatabase'] = openGovernanceDatabase;
export const startServiceServer: ServiceModule['startServiceServer'] = startGovernance;
