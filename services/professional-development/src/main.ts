import 'reflect-metadata';
import { runService } from '@tw/kernel';
import { openProfessionalDevelopmentDatabase } from './database';
import { startProfessionalDevelopment } from './server';

runService('professional-development', { openServiceDatabase: openProfessionalDevelopmentDatabase, startServiceServer: startProfessionalDevelopment });
