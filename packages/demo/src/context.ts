import { Random } from '@tw/kernel';
import type { Post } from './post';

/** A teacher of the demo district as the other services' demo loaders see them (from personnel). */
export interface DemoTeacherRecord {
  id: string;
  schoolId: string;
  name: string;
  idNumber: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  politicalStatus: string;
  professionalTitle: string | null;
  postCategory: string | null;
  teachingSubject: string | null;
  status: string;
  inQuota: boolean;
  workStartMonth: string;
}

export interface DemoSchoolRecord {
  id: string;
  code: string;
  name: string;
  type: string;
  sponsor: 'PUBLIC' | 'PRIVATE';
}

/** What a service's demo loader gets: the district personnel now holds, and ways to write through the gateway. */
export interface DemoContext {
  readonly post: Post;
  readonly log: (line: string) => void;
  /** the day the district is loaded as of (YYYY-MM-DD, China): no record is dated after it */
  readonly today: string;
  /** the year of `today`; demo records cover the years before it too */
  readonly year: number;
  readonly schools: readonly DemoSchoolRecord[];
  readonly teachers: readonly DemoTeacherRecord[];
  /** seeded: the same district every time */
  readonly random: Random;
  /**
   * Writes rows shaped like a bulk mutation's input (teachers and schools by id), failing the load on
   * any rejected row; resolves with the number of rows handed over. loadDemoDistrict writes them as a
   * spreadsheet of the import kind that writes with the mutation (ID numbers and names instead of ids)
   * and queues its import through /imports: it resolves once the file is queued, so a module goes on
   * generating while earlier files are imported; a file whose rows are checked against an earlier
   * file's waits for that one (WAITS_FOR in load.ts), and the load waits for every file.
   * @example await ctx.bulk('upsertTrainings', 'TrainingInput', rows, 'trainings')
   */
  bulk(mutation: string, inputType: string, rows: readonly unknown[], label: string): Promise<number>;
}

export type ServiceDemo = (ctx: DemoContext) => Promise<void>;
