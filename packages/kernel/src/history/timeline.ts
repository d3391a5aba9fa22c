import { Arg, ClassType, Ctx, Directive, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { DataSource } from 'typeorm';
import { badInput, forbidden } from '../errors';
import { BaseContext, requirePrincipal } from '../graphql/context';
import { LocalDate } from '../graphql/scalars';
import { maskIdNumber } from '../id-number';
import { VERSION_META_COLUMNS, versionTableName } from './version-table';

@ObjectType({ description: 'One field a change of a record changed' })
@Directive('@shareable')
export class HistoryChange {
  @Field() field!: string;
  @Field(() => String, { nullable: true, description: 'the value before, as text (null: none)' }) before!: string | null;
  @Field(() => String, { nullable: true, description: 'the value after, as text (null: none)' }) after!: string | null;
}

@ObjectType({ description: 'One change of one record about a teacher, as its service keeps it (a version)' })
@Directive('@shareable')
export class HistoryEntry {
  @Field({ description: 'Where the timeline goes on after this entry (pass as `after`)' }) cursor!: string;
  @Field(() => LocalDate, { description: 'The day the change took effect in the world (valid from)' }) date!: string;
  @Field(() => LocalDate, { nullable: true, description: 'The day it stopped being true (valid to), null while it is' }) until!: string | null;
  @Field({ description: 'The service that keeps the record' }) service!: string;
  @Field({ description: 'The kind of record (its table: teacher, rotation, designation, pay_record…)' }) entity!: string;
  @Field(() => ID) recordId!: string;
  @Field({ description: 'create, update or delete' }) op!: string;
  @Field(() => [HistoryChange], { description: 'What changed, field by field (every field for a created record)' }) changes!: HistoryChange[];
  @Field({ description: 'Whether a later correction replaced this version (kept, not counted)' }) superseded!: boolean;
  @Field({ description: 'When it was recorded' }) recordedAt!: Date;
  @Field(() => String, { nullable: true, description: 'Who recorded it (token subject)' }) recordedBy!: string | null;
  @Field(() => String, { nullable: true }) recordedByRole!: string | null;
  @Field(() => String, { nullable: true, description: 'The service acting for them (the importer)' }) actingService!: string | null;
  @Field(() => ID, { nullable: true, description: 'The import job that wrote it' }) importJobId!: string | null;
  @Field(() => String, { nullable: true, description: 'Why, as the write said' }) reason!: string | null;
}

/** A version table about teachers, and the column naming the teacher (`record_id` for the teacher itself). */
export interface HistorySource {
  readonly table: string;
  readonly teacherColumn: string;
}

/** Columns left out of the changes: the version's own, and the record's timestamps. */
const HIDDEN = new Set<string>([...VERSION_META_COLUMNS, 'created_at', 'updated_at', 'id']);

const text = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v));
const dayText = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const shown = (field: string, v: unknown): string | null => (field === 'id_number' && v ? maskIdNumber(String(v)) : text(v));

/** A cursor: the entry's valid-from day and version id (UUIDv7, in the order recorded). */
export const historyCursor = (date: string, versionId: string): string => Buffer.from(`${date}|${versionId}`).toString('base64url');
function readCursor(cursor: string): [string, string] {
  const [date, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date ?? '') || !id) throw badInput(`The cursor "${cursor.slice(0, 60)}" is not one this timeline gave`, { field: 'after' });
  return [date, id];
}

/**
 * A teacher's history in one service, newest first (by the day it took effect, then as recorded):
 * up to `first` entries after the cursor, from `since` on. Two statements per table, whatever the
 * history's length: the page of versions, and the versions before them that the changes compare with.
 */
export async function teacherHistory(
  ds: DataSource,
  service: string,
  sources: readonly HistorySource[],
  teacherId: string,
  o: { first: number; after?: string | null; since?: string | null },
): Promise<HistoryEntry[]> {
  const cursor = o.after ? readCursor(o.after) : null;
  const esc = (n: string) => ds.driver.escape(n);
  const perTable = await Promise.all(
    sources.map(async (s) => {
      const table = esc(versionTableName(s.table));
      const where = [`v.${esc(s.teacherColumn)} = ?`];
      const params: unknown[] = [teacherId];
      if (o.since) {
        where.push('v.valid_from >= ?');
        params.push(o.since);
      }
      if (cursor) {
        where.push('(v.valid_from < ? OR (v.valid_from = ? AND v.version_id < ?))');
        params.push(cursor[0], cursor[0], cursor[1]);
      }
      const page: Array<Record<string, unknown>> = await ds.query(
        `SELECT v.* FROM ${table} v WHERE ${where.join(' AND ')} ORDER BY v.valid_from DESC, v.version_id DESC LIMIT ${Math.max(1, Math.floor(o.first))}`,
        params,
      );
      const records = [...new Set(page.map((r) => String(r.record_id)))];
      const all: Array<Record<string, unknown>> = records.length
        ? await ds.query(`SELECT * FROM ${table} WHERE record_id IN (${records.map(() => '?').join(', ')}) AND superseded_at IS NULL`, records)
        : [];
      return page.map((row) => entryOf(service, s.table, row, predecessor(all, row)));
    }),
  );
  return newestFirst(perTable.flat().filter((e) => e.op !== 'update' || e.changes.length > 0)).slice(0, o.first);
}

/** Entries of any services in the timeline's order: newest day first, then latest recorded first. */
export function newestFirst(entries: readonly HistoryEntry[]): HistoryEntry[] {
  const keyed = entries.map((e) => [readCursor(e.cursor).join('|'), e] as const);
  return keyed.sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0)).map(([, e]) => e);
}

/** The version a version follows: the latest current one of the record before it. */
function predecessor(all: ReadonlyArray<Record<string, unknown>>, row: Record<string, unknown>): Record<string, unknown> | null {
  const key = (r: Record<string, unknown>) => `${dayText(r.valid_from)}|${String(r.version_id)}`;
  const mine = key(row);
  let best: Record<string, unknown> | null = null;
  for (const r of all) {
    if (r.record_id !== row.record_id || r.version_id === row.version_id || key(r) >= mine) continue;
    if (!best || key(r) > key(best)) best = r;
  }
  return best;
}

function entryOf(service: string, entity: string, row: Record<string, unknown>, before: Record<string, unknown> | null): HistoryEntry {
  const date = dayText(row.valid_from)!;
  const changes: HistoryChange[] = [];
  for (const field of Object.keys(row)) {
    if (HIDDEN.has(field)) continue;
    const [b, a] = [before ? shown(field, before[field]) : null, shown(field, row[field])];
    if (row.op === 'delete' ? b !== null || a !== null : b !== a) changes.push(Object.assign(new HistoryChange(), { field, before: row.op === 'delete' ? a : b, after: row.op === 'delete' ? null : a }));
  }
  return Object.assign(new HistoryEntry(), {
    cursor: historyCursor(date, String(row.version_id)),
    date,
    until: dayText(row.valid_to),
    service,
    entity,
    recordId: String(row.record_id),
    op: String(row.op),
    changes,
    superseded: row.superseded_at !== null && row.superseded_at !== undefined,
    recordedAt: row.recorded_at instanceof Date ? row.recorded_at : new Date(`${String(row.recorded_at).replace(' ', 'T')}Z`),
    recordedBy: (row.actor_subject as string | null) ?? null,
    recordedByRole: (row.actor_role as string | null) ?? null,
    actingService: (row.acting_service as string | null) ?? null,
    importJobId: (row.import_job_id as string | null) ?? null,
    reason: (row.reason as string | null) ?? null,
  });
}

/**
 * `<queryName>(teacherId, first, after, since)`: a service's part of a teacher's timeline, which
 * personnel's `teacherTimeline` asks for (with its service token, after checking the reader's scope)
 * and merges. Services and DISTRICT_ADMIN only: a user reads a timeline through `teacherTimeline`.
 */
export function teacherHistoryResolver(queryName: string, service: string, sources: readonly HistorySource[]): ClassType {
  @Resolver()
  class TeacherHistoryResolver {
    @Query(() => [HistoryEntry], { name: queryName, description: `A teacher's history in ${service}, newest first (services and DISTRICT_ADMIN; users read teacherTimeline)` })
    async history(
      @Arg('teacherId', () => ID) teacherId: string,
      @Arg('first', () => Int, { defaultValue: 20 }) first: number,
      @Arg('after', () => String, { nullable: true }) after: string | null,
      @Arg('since', () => LocalDate, { nullable: true, description: 'Only the changes that took effect from this day on' }) since: string | null,
      @Ctx() ctx: BaseContext & { ds: DataSource },
    ): Promise<HistoryEntry[]> {
      const p = requirePrincipal(ctx);
      if (p.role !== 'SERVICE' && p.role !== 'DISTRICT_ADMIN') throw forbidden(`${queryName} answers the platform's services and DISTRICT_ADMIN; read a teacher's timeline with teacherTimeline`);
      return teacherHistory(ctx.ds, service, sources, teacherId, { first: Math.min(Math.max(first, 1), 100), after, since });
    }
  }
  return TeacherHistoryResolver;
}
