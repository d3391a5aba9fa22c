import type { ServiceModule } from '@tw/kernel';
import { openCompensationDatabase } from './database';
import { buildCompensationSchema } from './schema';
import { startCompensation } from './server';

export { buildCompensationSchema, openCompensationDatabase, startCompensation };
export type { CompensationServerOptions } from './server';

/** The contract every service exports (see ServiceModule). */
export const buildServiceSchema: ServiceModule['buildServiceSchema'] = buildCompensationSchema;
export const openServiceDatabase: ServiceModule['openServiceDatabase'] = openCompensationDatabase;
export const startServiceServer: ServiceModule['startServiceServer'] = startCompensation;
