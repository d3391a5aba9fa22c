import { BulkPlan, cleanText, compositeKey, isRejection, newId, PersonnelAnswer, Planned, Principal, reject, requiredText, RowStatus, upsertById, yearOf } from '@tw/kernel';
import { In } from 'typeorm';
import { InspectionEvent } from '../entities/inspection-event.entity';
import { InspectionItem } from '../entities/inspection-item.entity';
import { InspectionEventInput } from '../inputs/inspection.input';
import { checkNotFuture, checkYear } from './rules';

/**
 * Upserting inspections held, by 年度 + 事项名称 + school + date. One that is not an item of that
 * year's approved catalogue — or is, but under another 发起部门 — may not take place: refused.
 */
export function inspectionEventPlan(principal: Principal, personnel: PersonnelAnswer, now: Date): BulkPlan<InspectionEventInput, InspectionEvent> {
  return {
    name: 'inspection-events',
    key: (r) => compositeKey(r.year, cleanText(r.name), r.schoolId ?? null, r.heldOn ?? null),
    async plan(items, m) {
      const years = [...new Set(items.map((i) => i.row.year).filter((y) => Number.isInteger(y)))];
      const catalogue = years.length ? await m.getRepository(InspectionItem).findBy({ year: In(years) }) : [];
      const itemByKey = new Map(catalogue.map((i) => [compositeKey(i.year, i.name), i]));
      const stored = catalogue.length ? await m.getRepository(InspectionEvent).findBy({ itemId: In(catalogue.map((i) => i.id)) }) : [];
      const byKey = new Map(stored.map((e) => [compositeKey(e.itemId, e.schoolId, e.heldOn), e]));
      return items.map(({ row }): Planned<InspectionEvent> => {
        const badYear = checkYear(row.year, 'year', '年度', now);
        if (badYear) return badYear;
        const name = requiredText(row.name, 'name', '事项名称', 200);
        if (isRejection(name)) return name;
        const department = requiredText(row.department, 'department', '发起部门', 100);
        if (isRejection(department)) return department;
        const schoolId = row.schoolId ?? null;
        if (schoolId) {
          const school = personnel.school(schoolId);
          if (isRejection(school)) return school;
        } else if (principal.role !== 'DISTRICT_ADMIN' && principal.role !== 'SERVICE') {
          return reject('SCHOOL_REQUIRED', '学校账号登记检查须填写学校', 'schoolId');
        }
        const heldOn = row.heldOn ?? null;
        if (heldOn) {
          if (yearOf(heldOn) !== row.year) return reject('DATE_NOT_IN_YEAR', `日期 ${heldOn} 不在年度 ${row.year} 内`, 'heldOn');
          const future = checkNotFuture(heldOn, 'heldOn', '日期', now);
          if (future) return future;
        }
        const item = itemByKey.get(compositeKey(row.year, name));
        if (!item) return reject('NOT_IN_CATALOGUE', `“${name}”不在 ${row.year} 年度检查考核评比目录清单内，未经批准不得开展`, 'name');
        if (item.department !== department) {
          return reject('DEPARTMENT_MISMATCH', `${row.year} 年度目录中“${name}”的发起部门为“${item.department}”，与“${department}”不一致`, 'department');
        }
        const existing = byKey.get(compositeKey(item.id, schoolId, heldOn));
        if (existing) return { status: RowStatus.UNCHANGED, id: existing.id };
        const next: InspectionEvent = { id: newId(), itemId: item.id, year: row.year, name, department, schoolId, heldOn, createdAt: now, updatedAt: now };
        return { status: RowStatus.CREATED, id: next.id, write: next };
      });
    },
    write: (rows, m) => upsertById(m, InspectionEvent, rows, ['updated_at']),
    audit: { entity: 'inspection_event', target: InspectionEvent, log: false },
  };
}
