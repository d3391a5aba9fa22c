import { AuditEntry, CreateFrozenReport1765100000000, CreateSubmissions1765400000000, FrozenReport, Submission, SubmissionEvent, SubmissionRow, CreateAuditLog1764400000000, CreatePreparedBulk1764800000000, DatabaseOptions, openDatabase  } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { Designation } from './entities/designation.entity';
import { Lesson } from './entities/lesson.entity';
import { MentoringPair } from './entities/mentoring-pair.entity';
import { Studio } from './entities/studio.entity';
import { StudioMember } from './entities/studio-member.entity';
import { TrainingParticipation } from './entities/training-participation.entity';
import { TrainingProgramme } from './entities/training-programme.entity';
import { Initial1764201600000 } from './migrations/1764201600000-initial';
import { ReportIndexes1764600000000 } from './migrations/1764600000000-report-indexes';
import { History1765200000000 } from './migrations/1765200000000-history';
import { HistoryOwnYear1765300000000 } from './migrations/1765300000000-history-own-year';

/** The tables that keep versions (kernel history), in the order an undo goes through them. */
export const VERSIONED = [MentoringPair, Lesson, StudioMember, Studio, Designation, TrainingParticipation, TrainingProgramme];
export const ENTITIES = [TrainingProgramme, TrainingParticipation, Designation, Studio, StudioMember, Lesson, MentoringPair, AuditEntry, FrozenReport, Submission, SubmissionRow, SubmissionEvent];
export const MIGRATIONS = [Initial1764201600000, CreateAuditLog1764400000000, ReportIndexes1764600000000, CreatePreparedBulk1764800000000, CreateFrozenReport1765100000000, History1765200000000, HistoryOwnYear1765300000000, CreateSubmissions1765400000000];

/** Opens the professional-development database and runs its migrations. */
export function openProfessionalDevelopmentDatabase(o: Omit<DatabaseOptions, 'service' | 'entities' | 'migrations'>): Promise<DataSource> {
  return openDatabase({ ...o, service: 'professional-development', entities: ENTITIES, migrations: MIGRATIONS });
}
