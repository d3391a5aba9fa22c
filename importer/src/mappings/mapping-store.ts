import { auditEntry, badInput, BaseContext, forbidden, newId, Principal, recordAudit, requireRole, systemClock } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { ImportColumnMapping } from '../entities/import-column-mapping.entity';
import { kindSpec } from '../kinds';
import { ColumnMappings, normalizeHeader } from '../spec/header';
import { KindSpec } from '../spec/kind-spec';

/** The school key of the district's own files (a DISTRICT_ADMIN's upload naming no school). */
export const DISTRICT = '';

/** The mappings a school set for a kind, as the header dictionary takes them. */
export async function loadMappings(ds: DataSource, schoolId: string | undefined, kind: string): Promise<ColumnMappings> {
  const rows = await ds.getRepository(ImportColumnMapping).findBy({ schoolId: schoolId ?? DISTRICT, kind });
  return new Map(rows.map((r) => [r.header, r.field]));
}

/**
 * Whose mappings a principal reads and writes: DISTRICT_ADMIN any school's (none named: the
 * district's own files), SCHOOL_ADMIN their own school's only.
 */
export function mappingSchool(ctx: BaseContext, schoolId: string | null | undefined): { principal: Principal; schoolId: string } {
  const p = requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN');
  if (p.role === 'SCHOOL_ADMIN') {
    if (schoolId && schoolId !== p.schoolId) throw forbidden(`学校管理员只能设置本校（${p.schoolId}）的列对应关系`);
    return { principal: p, schoolId: p.schoolId! };
  }
  return { principal: p, schoolId: schoolId ?? DISTRICT };
}

/** The kind's column a clerk named, by its key (teachingSubject), its header (任教学科) or a synonym. */
export function fieldOf(spec: KindSpec, field: string): string {
  const n = normalizeHeader(field);
  const c = spec.columns.find((x) => x.key === field || normalizeHeader(x.header) === n || (x.synonyms ?? []).some((s) => normalizeHeader(s) === n));
  if (!c) throw badInput(`“${spec.title}”没有“${field}”这一列：可选 ${spec.columns.map((x) => x.header).join('、')}`);
  return c.key;
}

export function kindOf(kind: string): KindSpec {
  const spec = kindSpec(kind);
  if (!spec) throw badInput(`未知的导入类型“${kind}”`);
  return spec;
}

const snapshot = (m: ImportColumnMapping) => ({ schoolId: m.schoolId, kind: m.kind, header: m.header, field: m.field });

/**
 * Sets (or, with `field` undefined, removes) a school's mapping of a header for a kind, and audits
 * the change in the importer's audit log, in one transaction.
 */
export async function writeMapping(ds: DataSource, p: Principal, schoolId: string, kind: string, header: string, field: string | null | undefined, now = systemClock.now()): Promise<ImportColumnMapping | null> {
  const spec = kindOf(kind);
  const key = normalizeHeader(header);
  if (!key) throw badInput('列名不能为空');
  if (key.length > 100) throw badInput(`列名“${header.slice(0, 30)}…”超过 100 个字`);
  const target = field === undefined || field === null ? field : fieldOf(spec, field);
  return ds.transaction(async (m) => {
    const repo = m.getRepository(ImportColumnMapping);
    const before = await repo.findOneBy({ schoolId, kind, header: key });
    if (target === undefined) {
      if (!before) return null;
      await repo.delete({ id: before.id });
    } else {
      const after: ImportColumnMapping = { id: before?.id ?? newId(), schoolId, kind, header: key, field: target, updatedBy: p.subject.slice(0, 200), updatedAt: now };
      await repo.save(after);
      await recordAudit(m, [auditEntry(p, { entity: 'IMPORT_COLUMN_MAPPING', entityId: after.id, key: `${schoolId}:${kind}:${key}`, before: before ? snapshot(before) : null, after: snapshot(after) }, now)]);
      return after;
    }
    await recordAudit(m, [auditEntry(p, { entity: 'IMPORT_COLUMN_MAPPING', entityId: before.id, key: `${schoolId}:${kind}:${key}`, before: snapshot(before), after: null }, now)]);
    return null;
  });
}
