import type { ServiceModule } from '@tw/kernel';
import { openPersonnelDatabase } from './database';
import { buildPersonnelSchema } from './schema';
import { startPersonnel } from './server';

export { buildPersonnelSchema, openPersonnelDatabase, startPersonnel };
export { ENTITIES, MIGRATIONS } from './database';
export type { PersonnelServerOptions } from './server';

/** The contract every service exports (see ServiceModule). */
export const buildServiceSchema: ServiceModule['buildServiceSchema'] = buildPersonnelSchema;
export const openServiceDatabase: ServiceModule['openServiceDatabase'] = openPersonnelDatabase;
export const startServiceServer: ServiceModule['startServiceServer'] = startPersonnel;
