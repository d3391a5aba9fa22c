import 'reflect-metadata';
import { runService } from '@tw/kernel';
import { openGovernanceDatabase } from './database';
import { startGovernance } from './server';

runService('governance', { openServiceDatabase: openGovernanceDatabase, startServiceServer: startGovernance });
