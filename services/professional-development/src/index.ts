import type { ServiceModule } from '@tw/kernel';
import { openProfessionalDevelopmentDatabase } from './database';
import { buildProfessionalDevelopmentSchema } from './schema';
import { startProfessionalDevelopment } from './server';

export { buildProfessionalDevelopmentSchema, openProfessionalDevelopmentDatabase, startProfessionalDevelopment };
export type { ProfessionalDevelopmentServerOptions } from './server';

/** The contract every service exports (see ServiceModule). */
export const buildServiceSchema: ServiceModule['buildServiceSchema'] = buildProfessionalDevelopmentSchema;
export const openServiceDatabase: ServiceModule['openServiceDatabase'] = openProfessionalDevelopmentDatabase;
export const startServiceServer: ServiceModule['startServiceServer'] = startProfessionalDevelopment;
