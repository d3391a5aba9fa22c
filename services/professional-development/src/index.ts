import type { ServiceModule } from '@tw/kernel';
import { openProfessionalDevelopmentDatabase } from './database';
import { buildProfessionalDevelopmentSchema } from './schema';
import { startProfessionalDevelopment } from './server';

export { buildProfessionalDevelopmentSchema, openProfessionalDevelopmentDatabase, startProfessionalDevelopment };
export { ENTITIES, MIGRATIONS } from './database';
export { Designation } from './entities/designation.entity';
export { gatewayEligibilityChecker } from './eligibility';
export type { EligibilityChecker, EligibilityPurpose, TeacherEligibility } from './eligibility';
export type { ProfessionalDevelopmentServerOptions } from './server';

/** The contract every service exports (see ServiceModule). */
export const buildServiceSchema: ServiceModule['buildServiceSchema'] = buildProfessionalDevelopmentSchema;
export const openServiceDatabase: ServiceModule['openServiceDatabase'] = openProfessionalDevelopmentDatabase;
export const startServiceServer: ServiceModule['startServiceServer'] = startProfessionalDevelopment;
