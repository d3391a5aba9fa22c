import { BulkPlan, cleanText, compositeKey, isRejection, newId, normalizeIdNumber, Planned, Principal, reject, requiredText, RowStatus, upsertById } from '@tw/kernel';
import { In } from 'typeorm';
import { Rotation } from '../entities/rotation.entity';
import { School } from '../entities/school.entity';
import { RotationInput } from '../inputs/rotation.input';
import { resolveTeacherRefs } from './teacher-refs';

const COMPARED: Array<keyof Rotation> = ['type', 'personnelRelationMoved', 'endMonth', 'fromSchoolId', 'fromSchoolName', 'toSchoolId', 'toSchoolName'];

/**
 * Upserting rotations by teacher + 开始年月. Origin and destination are names (either may lie outside
 * the district); a name that is a school of the district is linked to it.
 */
export function rotationPlan(principal: Principal, now: Date): BulkPlan<RotationInput, Rotation> {
  return {
    name: 'rotations',
    key: (r) => compositeKey(r.teacherId ?? `${r.idType ?? 'RESIDENT_ID'}:${normalizeIdNumber(r.idNumber ?? '')}`, r.startMonth),
    async plan(items, m) {
      const teacherOf = await resolveTeacherRefs(m, principal, items.map((i) => i.row));
      const teachers = items.map((i) => teacherOf(i.row));
      const ids = teachers.filter((t) => !isRejection(t)).map((t) => (t as { id: string }).id);
      const names = [...new Set(items.flatMap((i) => [cleanText(i.row.fromSchoolName), cleanText(i.row.toSchoolName)]).filter((n): n is string => !!n))];
      const [stored, schools] = await Promise.all([
        ids.length ? m.getRepository(Rotation).findBy({ teacherId: In(ids) }) : [],
        names.length ? m.getRepository(School).findBy({ name: In(names) }) : [],
      ]);
      const byKey = new Map(stored.map((r) => [compositeKey(r.teacherId, r.startMonth), r]));
      const schoolByName = new Map(schools.map((s) => [s.name, s]));
      const seen = new Set<string>();
      return items.map(({ row }, i): Planned<Rotation> => {
        const t = teachers[i];
        if (isRejection(t)) return t;
        const type = requiredText(row.type, 'type', '交流轮岗类型', 50);
        if (isRejection(type)) return type;
        const from = requiredText(row.fromSchoolName, 'fromSchoolName', '原单位名称', 100);
        if (isRejection(from)) return from;
        const to = requiredText(row.toSchoolName, 'toSchoolName', '交流轮岗单位名称', 100);
        if (isRejection(to)) return to;
        if (from === to) return reject('SAME_SCHOOL', `交流轮岗单位“${to}”不能与原单位相同`, 'toSchoolName');
        if (row.endMonth && row.endMonth < row.startMonth) {
          return reject('END_BEFORE_START', `结束年月 ${row.endMonth} 早于开始年月 ${row.startMonth}`, 'endMonth');
        }
        const key = compositeKey(t.id, row.startMonth);
        if (seen.has(key)) return reject('DUPLICATE_KEY', `教师“${t.name}”开始于 ${row.startMonth} 的交流轮岗在本批中重复`, 'startMonth');
        seen.add(key);
        const existing = byKey.get(key);
        const next: Rotation = {
          id: existing?.id ?? newId(),
          teacherId: t.id,
          type,
          personnelRelationMoved: row.personnelRelationMoved,
          startMonth: row.startMonth,
          endMonth: row.endMonth ?? null,
          fromSchoolId: schoolByName.get(from)?.id ?? null,
          fromSchoolName: from,
          toSchoolId: schoolByName.get(to)?.id ?? null,
          toSchoolName: to,
          updatedAt: now,
        };
        if (!existing) return { status: RowStatus.CREATED, id: next.id, write: next };
        const changed = COMPARED.some((k) => (existing[k] ?? null) !== (next[k] ?? null));
        return changed ? { status: RowStatus.UPDATED, id: next.id, write: next } : { status: RowStatus.UNCHANGED, id: existing.id };
      });
    },
    write: (rows, m) =>
      upsertById(m, Rotation, rows, ['type', 'personnel_relation_moved', 'end_month', 'from_school_id', 'from_school_name', 'to_school_id', 'to_school_name', 'updated_at']),
    audit: { entity: 'rotation', target: Rotation, teacherIdOf: (r) => r.teacherId, validFromOf: (r) => `${r.startMonth}-01` },
  };
}
