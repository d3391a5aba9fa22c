import { Arg, ClassType, Ctx, Directive, Field, ID, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { DataSource, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';
import { auditEntry, recordAudit } from '../audit/record';
import { Principal } from '../auth/principal';
import { conflict } from '../errors';
import { BaseContext, requirePrincipal } from '../graphql/context';
import { forbidden } from '../errors';
import { versionedColumns, versionTableName } from './version-table';

@ObjectType({ description: 'One record an undo of an import removes or restores' })
@Directive('@shareable')
export class UndoItem {
  @Field() entity!: string;
  @Field(() => ID) recordId!: string;
  @Field({ description: 'REMOVE (the job created it) or RESTORE (the job changed it: back to the version before)' }) action!: string;
  @Field({ description: 'Changed again after the job: not undone unless skipConflicts (then left as it is)' }) conflict!: boolean;
}

@ObjectType({ description: "What undoing an import job does (or, on a dry run, would do) in one service's data" })
@Directive('@shareable')
export class UndoResult {
  @Field() service!: string;
  @Field() dryRun!: boolean;
  @Field(() => Int, { description: 'Records removed or restored (would be, on a dry run)' }) undone!: number;
  @Field(() => Int, { description: 'Records changed again after the job' }) conflicts!: number;
  @Field(() => [UndoItem]) items!: UndoItem[];
}

interface Live {
  versionId: string;
  recordId: string;
  validFrom: string;
  importJobId: string | null;
  op: string;
}

const isSqlite = (ds: DataSource) => ['better-sqlite3', 'sqlite'].includes(ds.options.type);
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * Undoes what an import job wrote to these tables, in one transaction, from their versions
 * (import_job_id): a record the job created is removed, a record it changed goes back to the version
 * before the job. A record changed again after the job is a conflict: the undo refuses (CONFLICT),
 * or with `skipConflicts` leaves it as it is. The job's versions are kept, superseded, and each
 * change is audited; the version before the job is current again (valid to: open), so as-of reads
 * are as before the job too.
 */
export async function undoImportWrites(
  ds: DataSource,
  principal: Principal,
  service: string,
  jobId: string,
  targets: readonly EntityTarget<ObjectLiteral>[],
  o: { dryRun: boolean; skipConflicts: boolean },
): Promise<UndoResult> {
  const items: UndoItem[] = [];
  await ds.transaction(async (m) => {
    const at = new Date();
    const when = isSqlite(ds) ? DateUtils.mixedDateToUtcDatetimeString(at) : at;
    const plans: Array<{ target: EntityTarget<ObjectLiteral>; remove: string[]; restore: Array<{ recordId: string; to: string }>; jobVersions: string[] }> = [];
    for (const target of targets) {
      const meta = m.connection.getMetadata(target);
      const tv = ds.driver.escape(versionTableName(meta.tableName));
      const jobRows: Live[] = await m.query(
        `SELECT version_id AS versionId, record_id AS recordId, valid_from AS validFrom, import_job_id AS importJobId, op FROM ${tv} WHERE import_job_id = ? AND superseded_at IS NULL ORDER BY version_id`,
        [jobId],
      );
      if (!jobRows.length) continue;
      const records = [...new Set(jobRows.map((r) => r.recordId))];
      const live: Live[] = await m.query(
        `SELECT version_id AS versionId, record_id AS recordId, valid_from AS validFrom, import_job_id AS importJobId, op FROM ${tv} WHERE record_id IN (${marks(records.length)}) AND superseded_at IS NULL ORDER BY version_id`,
        records,
      );
      const plan = { target, remove: [] as string[], restore: [] as Array<{ recordId: string; to: string }>, jobVersions: [] as string[] };
      for (const id of records) {
        const mine = jobRows.filter((r) => r.recordId === id);
        const last = mine.at(-1)!.versionId;
        const others = live.filter((v) => v.recordId === id && v.importJobId !== jobId);
        const isConflict = others.some((v) => v.versionId > last);
        const action = mine[0].op === 'create' ? 'REMOVE' : 'RESTORE';
        items.push(Object.assign(new UndoItem(), { entity: meta.tableName, recordId: id, action, conflict: isConflict }));
        if (isConflict) continue;
        plan.jobVersions.push(...mine.map((v) => v.versionId));
        if (action === 'REMOVE') plan.remove.push(id);
        else {
          const before = others.filter((v) => v.versionId < mine[0].versionId).at(-1);
          if (before) plan.restore.push({ recordId: id, to: before.versionId });
          else plan.remove.push(id);
        }
      }
      plans.push(plan);
    }
    const conflicts = items.filter((i) => i.conflict).length;
    if (o.dryRun) return;
    if (conflicts && !o.skipConflicts) {
      throw conflict(`导入任务 ${jobId} 写入的 ${conflicts} 条记录此后又被修改（${items.filter((i) => i.conflict).slice(0, 5).map((i) => `${i.entity} ${i.recordId}`).join('、')}…），未撤销任何数据；确认后可跳过这些记录（skipConflicts）`);
    }
    for (const plan of plans) {
      const meta = m.connection.getMetadata(plan.target);
      const tv = ds.driver.escape(versionTableName(meta.tableName));
      const table = ds.driver.escape(meta.tableName);
      const ids = [...plan.remove, ...plan.restore.map((r) => r.recordId)];
      if (!ids.length) continue;
      const before = new Map((await m.getRepository(plan.target).findBy({ id: In(ids) })).map((r) => [r.id as string, r]));
      for (let i = 0; i < plan.jobVersions.length; i += 1000) {
        const chunk = plan.jobVersions.slice(i, i + 1000);
        await m.query(`UPDATE ${tv} SET superseded_at = ? WHERE version_id IN (${marks(chunk.length)})`, [when, ...chunk]);
      }
      if (plan.remove.length) await m.query(`DELETE FROM ${table} WHERE id IN (${marks(plan.remove.length)})`, plan.remove);
      if (plan.restore.length) {
        const to = plan.restore.map((r) => r.to);
        await m.query(`UPDATE ${tv} SET valid_to = NULL WHERE version_id IN (${marks(to.length)})`, to);
        const cols = versionedColumns(meta).map((c) => ds.driver.escape(c.databaseName));
        if (isSqlite(ds)) {
          await m.query(`UPDATE ${table} SET ${cols.map((c) => `${c} = v.${c}`).join(', ')} FROM ${tv} v WHERE v.record_id = ${table}.id AND v.version_id IN (${marks(to.length)})`, to);
        } else {
          await m.query(`UPDATE ${table} e JOIN ${tv} v ON v.record_id = e.id SET ${cols.map((c) => `e.${c} = v.${c}`).join(', ')} WHERE v.version_id IN (${marks(to.length)})`, to);
        }
      }
      const after = new Map((await m.getRepository(plan.target).findBy({ id: In(ids) })).map((r) => [r.id as string, r]));
      await recordAudit(
        m,
        ids.map((id) => auditEntry(principal, { entity: meta.tableName, entityId: id, key: `撤销导入 ${jobId}`, before: before.get(id) ?? null, after: after.get(id) ?? null }, at)),
      );
    }
  });
  const undone = items.filter((i) => !i.conflict).length;
  return Object.assign(new UndoResult(), { service, dryRun: o.dryRun, undone, conflicts: items.length - undone, items });
}

/**
 * `<mutationName>(jobId, dryRun, skipConflicts)`: a service's part of undoing an import job
 * (DISTRICT_ADMIN; the importer's undoImportJob calls every service with it).
 */
export function undoImportResolver(mutationName: string, service: string, targets: readonly EntityTarget<ObjectLiteral>[]): ClassType {
  @Resolver()
  class UndoImportResolver {
    @Mutation(() => UndoResult, { name: mutationName, description: `Undoes what an import job wrote to the ${service} data, or lists it (dryRun, the default); DISTRICT_ADMIN` })
    async undo(
      @Arg('jobId', () => ID) jobId: string,
      @Arg('dryRun', { defaultValue: true }) dryRun: boolean,
      @Arg('skipConflicts', { defaultValue: false }) skipConflicts: boolean,
      @Ctx() ctx: BaseContext & { ds: DataSource },
    ): Promise<UndoResult> {
      const p = requirePrincipal(ctx);
      if (p.role !== 'DISTRICT_ADMIN') throw forbidden(`Undoing an import is for DISTRICT_ADMIN; your token has ${p.role}`);
      return undoImportWrites(ctx.ds, p, service, jobId, targets, { dryRun, skipConflicts });
    }
  }
  return UndoImportResolver;
}
