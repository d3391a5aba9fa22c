import { STUDIO_KIND, ValueOf } from '@tw/kernel';
import { DesignationKind, KIND_ORDER } from './designation-rank';
import { DesignationTerm, isValidInYear } from './designation-validity';

export type StudioKind = ValueOf<typeof STUDIO_KIND>;

/**
 * Which designations qualify a teacher to host a studio of each kind:
 * - 名师工作室 ← 名师, 特级教师, 学科带头人, 骨干教师, and 中原英才计划 with its sub-titles
 *   (中原名师, 中原教学名师): every designation of teaching excellence;
 * - 名班主任工作室 ← 名班主任 only.
 * A designation of any level qualifies for a studio of any level; 其他 qualifies for none.
 */
export const HOST_DESIGNATIONS: Readonly<Record<StudioKind, readonly DesignationKind[]>> = {
  FAMOUS_TEACHER: [
    'FAMOUS_TEACHER',
    'SPECIAL_GRADE_TEACHER',
    'SUBJECT_LEADER',
    'BACKBONE_TEACHER',
    'ZHONGYUAN_TALENT',
    'ZHONGYUAN_FAMOUS_TEACHER',
    'ZHONGYUAN_TEACHING_EXPERT',
  ],
  FAMOUS_HOMEROOM_TEACHER: ['FAMOUS_HOMEROOM_TEACHER'],
};

/**
 * The designation that qualifies a host for a studio of `kind` founded in `foundedYear` (valid in
 * that year, of a matching kind; the highest-ranked kind when several do), or null when none does.
 */
export function hostQualification<D extends DesignationTerm & { readonly kind: DesignationKind }>(
  kind: StudioKind,
  designations: readonly D[],
  foundedYear: number,
): D | null {
  const accepted = HOST_DESIGNATIONS[kind];
  const qualifying = designations.filter((d) => accepted.includes(d.kind) && isValidInYear(d, foundedYear));
  qualifying.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  return qualifying[0] ?? null;
}
