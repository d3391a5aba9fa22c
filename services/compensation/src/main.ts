import 'reflect-metadata';
import { runService } from '@tw/kernel';
import { openCompensationDatabase } from './database';
import { startCompensation } from './server';

runService('compensation', { openServiceDatabase: openCompensationDatabase, startServiceServer: startCompensation });
