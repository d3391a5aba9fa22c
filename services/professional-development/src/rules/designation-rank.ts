import { DESIGNATION_KIND, DESIGNATION_LEVEL, ValueOf } from '@tw/kernel';
import { DesignationTerm, isValidInYear } from './designation-validity';

export type DesignationKind = ValueOf<typeof DESIGNATION_KIND>;
export type DesignationLevel = ValueOf<typeof DESIGNATION_LEVEL>;

/** Levels from the highest: a national designation outranks any provincial one, whatever the kinds. */
export const LEVEL_ORDER: readonly DesignationLevel[] = ['NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'DISTRICT'];

/**
 * Kinds from the highest, compared only between designations of the same level:
 * 中原名师 (the top tier of 中原英才计划 for school teachers) · 中原教学名师 · 特级教师 · 中原英才计划
 * (its other sub-titles) · 名师 · 名班主任 · 学科带头人 · 骨干教师 · 其他.
 * 名班主任 sits beside 名师 (both host studios), above 学科带头人 and 骨干教师, the ladder a
 * subject teacher climbs (骨干 → 学科带头人 → 名师).
 */
export const KIND_ORDER: readonly DesignationKind[] = [
  'ZHONGYUAN_FAMOUS_TEACHER',
  'ZHONGYUAN_TEACHING_EXPERT',
  'SPECIAL_GRADE_TEACHER',
  'ZHONGYUAN_TALENT',
  'FAMOUS_TEACHER',
  'FAMOUS_HOMEROOM_TEACHER',
  'SUBJECT_LEADER',
  'BACKBONE_TEACHER',
  'OTHER',
];

export interface RankedDesignation extends DesignationTerm {
  readonly id: string;
  readonly kind: DesignationKind;
  readonly level: DesignationLevel;
}

/**
 * Orders two designations, higher first: by level, then kind, then the later conferral (the newer
 * recognition of the same standing), then id so that the order is total.
 */
export function compareDesignations(a: RankedDesignation, b: RankedDesignation): number {
  return (
    LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    b.year - a.year ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * The top of a teacher's tier ladder in `year`: the highest of their designations valid in that year,
 * or null when none is.
 * @example highestDesignation(designations, 2024)?.kind // 'FAMOUS_TEACHER'
 */
export function highestDesignation<D extends RankedDesignation>(designations: readonly D[], year: number): D | null {
  let best: D | null = null;
  for (const d of designations) if (isValidInYear(d, year) && (!best || compareDesignations(d, best) < 0)) best = d;
  return best;
}
