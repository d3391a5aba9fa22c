import type { ServiceModule } from '@tw/kernel';
import { openCompensationDatabase } from './database';
import { buildCompensationSchema } from './schema';
import { startCompensation } from './server';

export { buildCompensationSchema, openCompensationDatabase, startCompensation };
export { ENTITIES, MIGRATIONS } from './database';
export type { CompensationServerOptions } from './server';
export { Yuan } from './money/yuan.scalar';
export { formatYuan, parseYuan } from './money/fen';

/** The contract every service exports (see ServiceModule). */
export const buildServiceSchema: ServiceModule['buildServiceSchema'] = buildCompensationSchema;
export const openServiceDatabase: ServiceModule['openServiceDatabase'] = openCompensationDatabase;
export const startServiceServer: ServiceModule['startServiceServer'] = startCompensation;
