import { BulkPlan, cleanText, compositeKey, isRejection, newId, optionalText, Planned, requiredText, RowStatus, upsertById } from '@tw/kernel';
import { In } from 'typeorm';
import { InspectionItem } from '../entities/inspection-item.entity';
import { InspectionItemInput } from '../inputs/inspection.input';
import { checkYear, same } from './rules';

const COMPARED: Array<keyof InspectionItem> = ['department', 'approvalNo'];

/** Upserting the approved catalogue (检查考核评比目录清单) by 年度 + 事项名称; next year's may be entered ahead. */
export function inspectionItemPlan(now: Date): BulkPlan<InspectionItemInput, InspectionItem> {
  return {
    name: 'inspection-items',
    key: (r) => compositeKey(r.year, cleanText(r.name)),
    async plan(items, m) {
      const years = [...new Set(items.map((i) => i.row.year).filter((y) => Number.isInteger(y)))];
      const stored = years.length ? await m.getRepository(InspectionItem).findBy({ year: In(years) }) : [];
      const byKey = new Map(stored.map((i) => [compositeKey(i.year, i.name), i]));
      return items.map(({ row }): Planned<InspectionItem> => {
        const badYear = checkYear(row.year, 'year', '年度', now, 1);
        if (badYear) return badYear;
        const name = requiredText(row.name, 'name', '事项名称', 200);
        if (isRejection(name)) return name;
        const department = requiredText(row.department, 'department', '发起部门', 100);
        if (isRejection(department)) return department;
        const approvalNo = optionalText(row.approvalNo, 'approvalNo', '批准文号', 100);
        if (isRejection(approvalNo)) return approvalNo;
        const existing = byKey.get(compositeKey(row.year, name));
        const next: InspectionItem = { id: existing?.id ?? newId(), year: row.year, name, department, approvalNo, createdAt: existing?.createdAt ?? now, updatedAt: now };
        if (!existing) return { status: RowStatus.CREATED, id: next.id, write: next };
        return COMPARED.every((k) => same(existing[k], next[k])) ? { status: RowStatus.UNCHANGED, id: existing.id } : { status: RowStatus.UPDATED, id: next.id, write: next };
      });
    },
    write: (rows, m) => upsertById(m, InspectionItem, rows, ['department', 'approval_no', 'updated_at']),
    audit: { entity: 'inspection_item', target: InspectionItem, log: false },
  };
}
