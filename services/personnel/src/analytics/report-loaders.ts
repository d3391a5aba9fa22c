import { compositeKey, valueLoader } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { districtRecruitment, NO_RECRUITMENT, RecruitmentFigures, schoolRecruitment } from './recruitment-figures';
import { DistrictRoster, districtRoster, SchoolRoster, schoolRosters } from './roster-figures';

export interface SchoolYear {
  readonly schoolId: string;
  readonly year: number;
}

const NO_ROSTER = (schoolId: string): SchoolRoster => ({ schoolId, isPublic: false, teachers: 0, partyMembers: 0, inQuota: 0 });

/**
 * Per-request loaders of the report figures. Every year asked in a request (a trend of ten years)
 * shares one statement per figure group; every school of a page shares one statement per group.
 */
export function createReportLoaders(ds: DataSource) {
  let roster: Promise<DistrictRoster> | undefined;
  return {
    /** the roster is of now: the same for every year, computed once a request */
    districtRoster: (): Promise<DistrictRoster> => (roster ??= districtRoster(ds)),
    districtRecruitment: valueLoader<number, RecruitmentFigures>((years) => districtRecruitment(ds, years), NO_RECRUITMENT),
    schoolRoster: valueLoader<string, SchoolRoster | null>((ids) => schoolRosters(ds, ids), null),
    schoolRecruitment: valueLoader<SchoolYear, RecruitmentFigures>(
      async (keys) => {
        const out = new Map<unknown, RecruitmentFigures>();
        const years = [...new Set(keys.map((k) => k.year))];
        await Promise.all(
          years.map(async (year) => {
            const ids = [...new Set(keys.filter((k) => k.year === year).map((k) => k.schoolId))];
            for (const [id, f] of await schoolRecruitment(ds, year, ids)) out.set(compositeKey(id, year), f);
          }),
        );
        return out;
      },
      NO_RECRUITMENT,
      (k) => compositeKey(k.schoolId, k.year),
    ),
  };
}

/** A school's roster figures, zeros when it has no serving teacher. */
export async function rosterOf(loaders: ReportLoaders, schoolId: string): Promise<SchoolRoster> {
  return (await loaders.schoolRoster.load(schoolId)) ?? NO_ROSTER(schoolId);
}

export type ReportLoaders = ReturnType<typeof createReportLoaders>;
