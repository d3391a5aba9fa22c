import { AuditEntry, CreateFrozenReport1765100000000, CreateSubmissions1765400000000, FrozenReport, Submission, SubmissionEvent, SubmissionRow, CreateAuditLog1764400000000, CreatePreparedBulk1764800000000, DatabaseOptions, openDatabase } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { Hire } from './entities/hire.entity';
import { QuotaAdjustment } from './entities/quota-adjustment.entity';
import { Rotation } from './entities/rotation.entity';
import { School } from './entities/school.entity';
import { StaffingQuota } from './entities/staffing-quota.entity';
import { Teacher } from './entities/teacher.entity';
import { Initial1764115200000 } from './migrations/1764115200000-initial';
import { ReportIndexes1764600000000 } from './migrations/1764600000000-report-indexes';
import { History1765200000000 } from './migrations/1765200000000-history';

/** The tables that keep versions (kernel history), in the order an undo goes through them. */
export const VERSIONED = [Rotation, Hire, StaffingQuota, Teacher, School];
export const ENTITIES = [School, Teacher, StaffingQuota, QuotaAdjustment, Hire, Rotation, AuditEntry, FrozenReport, Submission, SubmissionRow, SubmissionEvent];
export const MIGRATIONS = [Initial1764115200000, CreateAuditLog1764400000000, ReportIndexes1764600000000, CreatePreparedBulk1764800000000, CreateFrozenReport1765100000000, History1765200000000, CreateSubmissions1765400000000];

/** Opens the personnel database and runs its migrations. */
export function openPersonnelDatabase(o: Omit<DatabaseOptions, 'service' | 'entities' | 'migrations'>): Promise<DataSource> {
  return openDatabase({ ...o, service: 'personnel', entities: ENTITIES, migrations: MIGRATIONS });
}
