import 'reflect-metadata';
import { runService } from '@tw/kernel';
import { openPersonnelDatabase } from './database';
import { startPersonnel } from './server';

runService('personnel', { openServiceDatabase: openPersonnelDatabase, startServiceServer: startPersonnel });
