import { compositeKey, valueLoader } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { DistrictGovernance, districtGovernance, NO_SCHOOL_GOVERNANCE, SchoolGovernance, schoolGovernance } from './governance-figures';

/**
 * This request's loaders of the report figures: every year of a trend in one statement per figure,
 * every school of a page likewise. `today` (the request's, YYYY-MM-DD) ends the current year's reform figures.
 */
export function createReportLoaders(ds: DataSource, today: string) {
  return {
    district: valueLoader<number, DistrictGovernance | null>((years) => districtGovernance(ds, years, today), null),
    school: valueLoader<{ schoolId: string; year: number }, SchoolGovernance>(
      async (keys) => {
        const out = new Map<unknown, SchoolGovernance>();
        const years = [...new Set(keys.map((k) => k.year))];
        await Promise.all(
          years.map(async (year) => {
            const ids = [...new Set(keys.filter((k) => k.year === year).map((k) => k.schoolId))];
            for (const [id, g] of await schoolGovernance(ds, year, ids, today)) out.set(compositeKey(id, year), g);
          }),
        );
        return out;
      },
      NO_SCHOOL_GOVERNANCE,
      (k) => compositeKey(k.schoolId, k.year),
    ),
  };
}

export type ReportLoaders = ReturnType<typeof createReportLoaders>;
