import { BulkPlan, isRejection, newId, optionalText, PersonnelAnswer, Planned, reject, Rejection, RowStatus, upsertById } from '@tw/kernel';
import { In } from 'typeorm';
import { SchoolReform } from '../entities/school-reform.entity';
import { SchoolReformInput } from '../inputs/school-reform.input';
import { checkNotFuture, same } from './rules';

const COMPARED: Array<keyof SchoolReform> = ['status', 'pilotStartedOn', 'completedOn', 'note'];

/** The dates a status needs: a pilot its start, a completion its date (after the pilot's start); not started, none. */
function checkDates(r: SchoolReformInput, now: Date): Rejection | null {
  const pilot = r.pilotStartedOn ?? null;
  const done = r.completedOn ?? null;
  if (r.status === 'NOT_STARTED' && (pilot || done)) return reject('DATES_NOT_EXPECTED', '状态为“未启动”时不应填写试点日期或完成日期', pilot ? 'pilotStartedOn' : 'completedOn');
  if (r.status === 'PILOT' && !pilot) return reject('PILOT_DATE_REQUIRED', '状态为“试点”时必须填写试点开始日期', 'pilotStartedOn');
  if (r.status === 'PILOT' && done) return reject('DATES_NOT_EXPECTED', '状态为“试点”时不应填写完成日期', 'completedOn');
  if (r.status === 'COMPLETED' && !done) return reject('COMPLETION_DATE_REQUIRED', '状态为“已完成”时必须填写完成日期', 'completedOn');
  if (pilot && done && done < pilot) return reject('COMPLETED_BEFORE_PILOT', `完成日期 ${done} 早于试点开始日期 ${pilot}`, 'completedOn');
  return (pilot && checkNotFuture(pilot, 'pilotStartedOn', '试点开始日期', now)) || (done && checkNotFuture(done, 'completedOn', '完成日期', now)) || null;
}

/** Upserting each school's state in the governance reform (党组织领导的校长负责制), by school. */
export function schoolReformPlan(personnel: PersonnelAnswer, now: Date): BulkPlan<SchoolReformInput, SchoolReform> {
  return {
    name: 'school-reforms',
    key: (r) => r.schoolId,
    async plan(items, m) {
      const ids = [...new Set(items.map((i) => i.row.schoolId))];
      const stored = ids.length ? await m.getRepository(SchoolReform).findBy({ schoolId: In(ids) }) : [];
      const bySchool = new Map(stored.map((r) => [r.schoolId, r]));
      return items.map(({ row }): Planned<SchoolReform> => {
        const school = personnel.school(row.schoolId);
        if (isRejection(school)) return school;
        const bad = checkDates(row, now);
        if (bad) return bad;
        const note = optionalText(row.note, 'note', '备注', 200);
        if (isRejection(note)) return note;
        const existing = bySchool.get(school.id);
        const next: SchoolReform = {
          id: existing?.id ?? newId(),
          schoolId: school.id,
          status: row.status,
          pilotStartedOn: row.pilotStartedOn ?? null,
          completedOn: row.completedOn ?? null,
          note,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        };
        if (!existing) return { status: RowStatus.CREATED, id: next.id, write: next };
        return COMPARED.every((k) => same(existing[k], next[k])) ? { status: RowStatus.UNCHANGED, id: existing.id } : { status: RowStatus.UPDATED, id: next.id, write: next };
      });
    },
    write: (rows, m) => upsertById(m, SchoolReform, rows, ['status', 'pilot_started_on', 'completed_on', 'note', 'updated_at']),
    audit: { entity: 'school_reform', target: SchoolReform, log: false },
  };
}
