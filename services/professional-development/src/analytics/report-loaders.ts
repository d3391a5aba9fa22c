import { appendTo, compositeKey, statisticsDay, statisticsMonthDay, valueLoader } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { DesignatedRoster, RosterCount } from './designated-roster';
import { designatedFigures, DesignatedFigures, designatedTeachers, designationsByYear, NO_DESIGNATED, schoolNewDesignations } from './designation-figures';
import { districtLessons, districtStudios, NO_STUDIOS, schoolLessons, schoolStudios, StudioCounts } from './studio-lesson-figures';
import { districtTraining, NO_TRAINING, schoolTraining, TrainingFigures } from './training-figures';

/** A report's key, as the district and school report entities carry it. */
export interface ReportKey {
  readonly year: number;
  readonly sinceYear: number;
}
export interface SchoolReportKey extends ReportKey {
  readonly schoolId: string;
}

/**
 * A loader of a per-school figure: the keys of a batch are grouped by `group` (the year, or year and
 * sinceYear), and each group is one statement over its schools.
 */
function perSchool<V>(group: (k: SchoolReportKey) => string, compute: (k: SchoolReportKey, schoolIds: string[]) => Promise<ReadonlyMap<string, V>>, empty: V) {
  return valueLoader<SchoolReportKey, V>(
    async (keys) => {
      const groups = new Map<string, SchoolReportKey[]>();
      for (const k of keys) appendTo(groups, group(k), k);
      const out = new Map<unknown, V>();
      await Promise.all(
        [...groups].map(async ([g, ks]) => {
          for (const [id, v] of await compute(ks[0], [...new Set(ks.map((k) => k.schoolId))])) out.set(compositeKey(g, id), v);
        }),
      );
      return out;
    },
    empty,
    (k) => compositeKey(group(k), k.schoolId),
  );
}

const byYear = (k: SchoolReportKey) => String(k.year);
const byYearSince = (k: SchoolReportKey) => `${k.year}:${k.sinceYear}`;

/**
 * This request's loaders of report figures. The district's are keyed by year, so a trend of any
 * number of years is one statement per figure group; a page of school rows is one statement per group.
 */
export function createReportLoaders(ds: DataSource, roster: DesignatedRoster, monthDay = statisticsMonthDay()) {
  const designatedIds = valueLoader<number, string[]>((years) => designatedTeachers(ds, years), []);
  /**
   * personnel's counts of each year's designated teachers, per school, as of the year's statistics
   * day (where they served then, whether they served): one call for every year asked, a group a year.
   */
  const designatedCounts = valueLoader<number, RosterCount[]>(async (years) => {
    const lists = await designatedIds.loadMany(years);
    const groups = lists.map((list, i) => {
      if (list instanceof Error) throw list;
      return { key: String(years[i]), teacherIds: list, asOf: statisticsDay(years[i], monthDay) };
    });
    const counts = await roster.countsAmong(groups);
    return new Map(years.map((y) => [y, counts.filter((c) => c.key === String(y))]));
  }, []);
  const designatedBySchool = valueLoader<number, ReadonlyMap<string, DesignatedFigures>>(async (years) => {
    const counts = await designatedCounts.loadMany(years);
    return new Map(
      years.map((y, i) => {
        const c = counts[i];
        if (c instanceof Error) throw c;
        const bySchool = new Map<string, RosterCount[]>();
        for (const x of c) appendTo(bySchool, x.schoolId, x);
        return [y, new Map([...bySchool].map(([id, list]) => [id, designatedFigures(list)]))];
      }),
    );
  }, new Map());
  return {
    districtTraining: valueLoader<number, TrainingFigures>((years) => districtTraining(ds, years), NO_TRAINING),
    districtNewDesignations: valueLoader<ReportKey, number>(
      async (keys) => {
        const perYear = await designationsByYear(ds, Math.min(...keys.map((k) => k.sinceYear)), Math.max(...keys.map((k) => k.year)));
        const sum = (k: ReportKey) => [...perYear].filter(([y]) => y >= k.sinceYear && y <= k.year).reduce((s, [, n]) => s + n, 0);
        return new Map(keys.map((k) => [compositeKey(k.year, k.sinceYear), sum(k)]));
      },
      0,
      (k) => compositeKey(k.year, k.sinceYear),
    ),
    districtDesignated: async (year: number): Promise<DesignatedFigures> => designatedFigures(await designatedCounts.load(year)),
    districtStudios: valueLoader<number, StudioCounts>((years) => districtStudios(ds, years), NO_STUDIOS),
    districtLessons: valueLoader<number, number>((years) => districtLessons(ds, years), 0),

    schoolTraining: perSchool(byYear, (k, ids) => schoolTraining(ds, k.year, ids), NO_TRAINING),
    schoolNewDesignations: perSchool(byYearSince, (k, ids) => schoolNewDesignations(ds, k.sinceYear, k.year, ids), 0),
    schoolDesignated: async (k: SchoolReportKey): Promise<DesignatedFigures> => (await designatedBySchool.load(k.year)).get(k.schoolId) ?? NO_DESIGNATED,
    schoolStudios: perSchool(byYear, (k, ids) => schoolStudios(ds, k.year, ids), NO_STUDIOS),
    schoolLessons: perSchool(byYear, (k, ids) => schoolLessons(ds, k.year, ids), 0),
    /** every school's designated figures of a year (the comparison's order) */
    allSchoolsDesignated: (year: number): Promise<ReadonlyMap<string, DesignatedFigures>> => designatedBySchool.load(year),
  };
}

export type ReportLoaders = ReturnType<typeof createReportLoaders>;
