import { BulkPlan, cleanText, isRejection, newId, Planned, reject, requiredText, RowStatus, upsertById } from '@tw/kernel';
import { In } from 'typeorm';
import { School } from '../entities/school.entity';
import { SchoolInput } from '../inputs/school.input';

/** Upserting schools by 学校标识码; a name another school already has is refused. */
export function schoolPlan(now: Date): BulkPlan<SchoolInput, School> {
  return {
    name: 'schools',
    key: (r) => cleanText(r.code) ?? '',
    async plan(items, m) {
      const codes = items.map((i) => cleanText(i.row.code) ?? '');
      const names = items.map((i) => cleanText(i.row.name) ?? '');
      const repo = m.getRepository(School);
      const [byCodeRows, byNameRows] = await Promise.all([repo.findBy({ code: In(codes) }), repo.findBy({ name: In(names) })]);
      const byCode = new Map(byCodeRows.map((s) => [s.code, s]));
      const byName = new Map(byNameRows.map((s) => [s.name, s]));
      const namesInCall = new Map<string, string>();
      return items.map(({ row }): Planned<School> => {
        const code = cleanText(row.code) ?? '';
        if (!/^\d{10}$/.test(code)) return reject('BAD_SCHOOL_CODE', `学校标识码“${row.code}”应为 10 位数字`, 'code');
        const name = requiredText(row.name, 'name', '学校名称', 100);
        if (isRejection(name)) return name;
        const holder = byName.get(name);
        if (holder && holder.code !== code) return reject('SCHOOL_NAME_TAKEN', `学校名称“${name}”已被学校标识码 ${holder.code} 使用`, 'name');
        const other = namesInCall.get(name);
        if (other && other !== code) return reject('SCHOOL_NAME_TAKEN', `学校名称“${name}”在本批中也用于学校标识码 ${other}`, 'name');
        namesInCall.set(name, code);
        const existing = byCode.get(code);
        const next: School = { id: existing?.id ?? newId(), code, name, type: row.type, sponsor: row.sponsor, createdAt: existing?.createdAt ?? now, updatedAt: now };
        if (!existing) return { status: RowStatus.CREATED, id: next.id, write: next };
        const changed = existing.name !== name || existing.type !== row.type || existing.sponsor !== row.sponsor;
        return changed ? { status: RowStatus.UPDATED, id: next.id, write: next } : { status: RowStatus.UNCHANGED, id: existing.id };
      });
    },
    write: (rows, m) => upsertById(m, School, rows, ['code', 'name', 'type', 'sponsor', 'updated_at']),
    audit: { entity: 'school', target: School },
  };
}
