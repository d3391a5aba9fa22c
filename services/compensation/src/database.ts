import { AuditEntry, CreateFrozenReport1765100000000, CreateSubmissions1765400000000, FrozenReport, Submission, SubmissionEvent, SubmissionRow, CreateAuditLog1764400000000, CreatePreparedBulk1764800000000, DatabaseOptions, openDatabase  } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { CivilServantBenchmark } from './entities/civil-servant-benchmark.entity';
import { PayRecord } from './entities/pay-record.entity';
import { PerformancePayAllocation } from './entities/performance-pay-allocation.entity';
import { TalentRecord } from './entities/talent-record.entity';
import { Initial1764201600000 } from './migrations/1764201600000-initial';
import { ReportIndexes1764600000000 } from './migrations/1764600000000-report-indexes';
import { History1765200000000 } from './migrations/1765200000000-history';
import { HistoryOwnYear1765300000000 } from './migrations/1765300000000-history-own-year';
import { AsOfIndexes1765300000001 } from './migrations/1765300000001-as-of-indexes';

/** The tables that keep versions (kernel history), in the order an undo goes through them. */
export const VERSIONED = [PayRecord, TalentRecord, CivilServantBenchmark, PerformancePayAllocation];
export const ENTITIES = [PayRecord, TalentRecord, CivilServantBenchmark, PerformancePayAllocation, AuditEntry, FrozenReport, Submission, SubmissionRow, SubmissionEvent];
export const MIGRATIONS = [Initial1764201600000, CreateAuditLog1764400000000, ReportIndexes1764600000000, CreatePreparedBulk1764800000000, CreateFrozenReport1765100000000, History1765200000000, HistoryOwnYear1765300000000, AsOfIndexes1765300000001, CreateSubmissions1765400000000];

/** Opens the compensation database and runs its migrations. */
export function openCompensationDatabase(o: Omit<DatabaseOptions, 'service' | 'entities' | 'migrations'>): Promise<DataSource> {
  return openDatabase({ ...o, service: 'compensation', entities: ENTITIES, migrations: MIGRATIONS });
}
