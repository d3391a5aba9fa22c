import { AuditEntry, CreateFrozenReport1765100000000, CreateSubmissions1765400000000, FrozenReport, Submission, SubmissionEvent, SubmissionRow, CreatePreparedBulk1764800000000, DatabaseOptions, openDatabase } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { Appraisal } from './entities/appraisal.entity';
import { Award } from './entities/award.entity';
import { EthicsAssessment } from './entities/ethics-assessment.entity';
import { InspectionEvent } from './entities/inspection-event.entity';
import { InspectionItem } from './entities/inspection-item.entity';
import { NegativeListItem } from './entities/negative-list-item.entity';
import { PrincipalRank } from './entities/principal-rank.entity';
import { SchoolReform } from './entities/school-reform.entity';
import { Violation } from './entities/violation.entity';
import { Initial1764201600000 } from './migrations/1764201600000-initial';
import { NegativeList1764201600001 } from './migrations/1764201600001-negative-list';
import { AuditAppendOnly1764201600002 } from './migrations/1764201600002-audit-append-only';
import { AuditLogOntoKernel1764900000000 } from './migrations/1764900000000-audit-log-onto-kernel';
import { ViolationReason1765000000000 } from './migrations/1765000000000-violation-reason';
import { History1765200000000 } from './migrations/1765200000000-history';
import { HistoryOwnYear1765300000000 } from './migrations/1765300000000-history-own-year';
import { AsOfIndexes1765300000001 } from './migrations/1765300000001-as-of-indexes';

/** The tables that keep versions (kernel history), in the order an undo goes through them. */
export const VERSIONED = [Award, Appraisal, Violation, EthicsAssessment, PrincipalRank, SchoolReform, InspectionEvent, InspectionItem, NegativeListItem];
export const ENTITIES = [NegativeListItem, EthicsAssessment, Violation, Appraisal, Award, PrincipalRank, SchoolReform, InspectionItem, InspectionEvent, AuditEntry, FrozenReport, Submission, SubmissionRow, SubmissionEvent];
export const MIGRATIONS = [Initial1764201600000, NegativeList1764201600001, AuditAppendOnly1764201600002, CreatePreparedBulk1764800000000, AuditLogOntoKernel1764900000000, ViolationReason1765000000000, CreateFrozenReport1765100000000, History1765200000000, HistoryOwnYear1765300000000, AsOfIndexes1765300000001, CreateSubmissions1765400000000];

/** Opens the governance database and runs its migrations. */
export function openGovernanceDatabase(o: Omit<DatabaseOptions, 'service' | 'entities' | 'migrations'>): Promise<DataSource> {
  return openDatabase({ ...o, service: 'governance', entities: ENTITIES, migrations: MIGRATIONS });
}
