import { appendTo, compositeKey } from '@tw/kernel';
import { EntityManager, In } from 'typeorm';
import { EthicsAssessment } from '../entities/ethics-assessment.entity';
import { Violation } from '../entities/violation.entity';
import { EthicsResult, vetoReasons, ViolationFacts } from '../rules/veto-rule';
import { lockedRead } from './locking';

/** What the veto rule needs of a set of teachers, read once for a whole batch. */
export interface VetoFacts {
  ethicsResult(teacherId: string, year: number): EthicsResult | null;
  violations(teacherId: string): Violation[];
  /** why the teacher is vetoed for the year (empty: not vetoed) */
  reasons(teacherId: string, year: number): string[];
}

/** The facts as a Violation row gives them to the rule. */
export function violationFacts(v: Violation): ViolationFacts {
  return { occurredOn: v.occurredOn, sanction: v.sanction, revokedOn: v.revokedOn, item: v.negativeListItem ? { code: v.negativeListItem.code, title: v.negativeListItem.title } : null };
}

/** Reads (and, on MySQL, locks) the ethics results of `years` and every violation of `teacherIds`: two statements. */
export async function loadVetoFacts(m: EntityManager, teacherIds: readonly string[], years: readonly number[]): Promise<VetoFacts> {
  const ids = [...new Set(teacherIds)];
  const ys = [...new Set(years)];
  const [ethics, violations] = await Promise.all([
    ids.length && ys.length ? m.getRepository(EthicsAssessment).find({ where: { teacherId: In(ids), year: In(ys) }, ...lockedRead(m) }) : [],
    ids.length ? m.getRepository(Violation).find({ where: { teacherId: In(ids) }, relations: { negativeListItem: true }, ...lockedRead(m) }) : [],
  ]);
  const ethicsByKey = new Map(ethics.map((e) => [compositeKey(e.teacherId, e.year), e.result]));
  const violationsByTeacher = new Map<string, Violation[]>();
  for (const v of violations) appendTo(violationsByTeacher, v.teacherId, v);
  const facts: VetoFacts = {
    ethicsResult: (t, y) => ethicsByKey.get(compositeKey(t, y)) ?? null,
    violations: (t) => violationsByTeacher.get(t) ?? [],
    reasons: (t, y) => vetoReasons(y, facts.ethicsResult(t, y), facts.violations(t).map(violationFacts)),
  };
  return facts;
}
