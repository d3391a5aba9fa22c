import { compositeKey, statisticsDay, valueLoader } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { districtRecruitment, NO_RECRUITMENT, RecruitmentFigures, schoolRecruitment } from './recruitment-figures';
import { DistrictRoster, districtRosters, SchoolRoster, schoolRostersOn } from './roster-figures';

export interface SchoolYear {
  readonly schoolId: string;
  readonly year: number;
}

const NO_ROSTER = (schoolId: string): SchoolRoster => ({ schoolId, isPublic: false, teachers: 0, partyMembers: 0, inQuota: 0 });

/**
 * Per-request loaders of the report figures. Every year asked in a request (a trend of ten years)
 * shares one statement per figure group; every school of a page shares one statement per group.
 */
export function createReportLoaders(ds: DataSource, monthDay?: string) {
  const dayOf = (year: number) => statisticsDay(year, monthDay);
  const rosters = valueLoader<number, DistrictRoster | null>(async (years) => {
    const byDay = await districtRosters(ds, years.map(dayOf));
    return new Map(years.map((y) => [y, byDay.get(dayOf(y)) ?? null]));
  }, null);
  return {
    /** a year's roster is as of its statistics day (STATISTICS_DAY): every year asked in one statement */
    districtRoster: async (year: number): Promise<DistrictRoster> => (await rosters.load(year))!,
    districtRecruitment: valueLoader<number, RecruitmentFigures>((years) => districtRecruitment(ds, years), NO_RECRUITMENT),
    schoolRoster: valueLoader<SchoolYear, SchoolRoster | null>(
      async (keys) => {
        const out = new Map<unknown, SchoolRoster | null>();
        const years = [...new Set(keys.map((k) => k.year))];
        const byDay = await schoolRostersOn(ds, years.map(dayOf), [...new Set(keys.map((k) => k.schoolId))]);
        for (const year of years) for (const [id, r] of byDay.get(dayOf(year))!) out.set(compositeKey(id, year), r);
        return out;
      },
      null,
      (k) => compositeKey(k.schoolId, k.year),
    ),
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

/** A school's roster figures of a year (as of its statistics day), zeros when it had no serving teacher. */
export async function rosterOf(loaders: ReportLoaders, key: SchoolYear): Promise<SchoolRoster> {
  return (await loaders.schoolRoster.load({ schoolId: key.schoolId, year: key.year })) ?? NO_ROSTER(key.schoolId);
}

export type ReportLoaders = ReturnType<typeof createReportLoaders>;
