import { DataSource } from 'typeorm';
import { canWriteSchool, Principal, Role } from './auth/principal';
import { BulkOptions, BulkPlan, bulkRows, BulkResult, MAX_BULK_ROWS, runBulk } from './bulk';
import { badInput } from './errors';
import { TeacherDirectoryEntry } from './gateway-client';
import { BaseContext, requireRole } from './graphql/context';
import { isRejection, reject, Rejection, teacherOutOfReach } from './row-rules';
import { SchoolDirectory, SchoolDirectoryEntry, TeacherDirectory } from './teacher-directory';

/**
 * What personnel answered about the teachers and schools a bulk call's rows name, as each row may
 * use it: the teacher or school, or the row's rejection. Every service answers a rejected reference
 * in these words, decided here and nowhere else.
 */
export interface PersonnelAnswer {
  /**
   * The teacher `id` names, when personnel knows them and the principal may write their records (a
   * SCHOOL_ADMIN only their own school's teachers); otherwise TEACHER_NOT_FOUND, worded the same for an
   * unknown id and another school's teacher (`teacherOutOfReach`).
   * @param field the input field the id came in (default teacherId)
   * @param title what the row calls the teacher in a message (主持人, 师傅…; default 教师)
   */
  teacher(id: string, field?: string, title?: string): TeacherDirectoryEntry | Rejection;
  /** The school `id` names, when personnel knows it and the principal may write its data; otherwise SCHOOL_NOT_FOUND or SCHOOL_FORBIDDEN. */
  school(id: string, field?: string): SchoolDirectoryEntry | Rejection;
  /** How a message names the teacher `id`: their name when `teacher(id)` accepts them, else the id sent. */
  teacherName(id: string): string;
}

/** Where a call's rows name what personnel owns: the directory to ask, and the ids each row names. */
export interface RemoteRefs<R, D> {
  readonly directory: D;
  readonly ids: (row: R) => ReadonlyArray<string | null | undefined>;
}

/** A bulk call whose rows name personnel's teachers or schools. */
export interface RemoteBulkCall<R> {
  /** who may call (a SERVICE principal passes, as for every role check) */
  readonly roles: readonly Role[];
  /** the BulkPlan's name: with `commit`, the rows its `prepare` call kept for this plan are looked up */
  readonly plan: string;
  readonly teachers?: RemoteRefs<R, TeacherDirectory>;
  readonly schools?: RemoteRefs<R, SchoolDirectory>;
}

/** What the helper needs of a service's context: the principal and the service's database. */
export interface RemoteBulkContext extends BaseContext {
  readonly ds: DataSource;
}

/**
 * Runs a bulk call whose rows name teachers (or schools) that personnel owns: checks the role,
 * refuses an oversized call before anything is asked, takes the rows a `commit` names, asks
 * personnel about every id the rows name in one directory lookup (one gateway request per 1,000
 * ids) before the write transaction opens — so no transaction waits on another service — and then
 * plans and writes with runBulk.
 * @example
 * return runRemoteBulk(ctx, rows, options, { roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'], plan: 'pay-records', teachers: { directory: ctx.directory, ids: (r) => [r.teacherId] } },
 *   (p, personnel) => payRecordPlan(p, personnel));
 */
export async function runRemoteBulk<R, W>(
  ctx: RemoteBulkContext,
  sent: readonly R[],
  options: BulkOptions | null,
  call: RemoteBulkCall<R>,
  planFor: (principal: Principal, personnel: PersonnelAnswer) => BulkPlan<R, W>,
): Promise<BulkResult> {
  const principal = requireRole(ctx, ...call.roles);
  if (sent.length > MAX_BULK_ROWS) throw badInput(`A bulk call takes at most ${MAX_BULK_ROWS} rows; got ${sent.length}. Send them in batches.`);
  const rows = await bulkRows(ctx.ds, sent, options, call.plan, principal);
  const personnel = await askPersonnel(principal, rows, call);
  const plan = planFor(principal, personnel);
  if (plan.name !== call.plan) throw new Error(`runRemoteBulk: the call names plan ${call.plan} but builds ${plan.name}`);
  return runBulk(ctx.ds, rows, options ?? new BulkOptions(), plan, principal, ctx.clock);
}

/** The distinct ids the rows name through `refs`. */
function idsNamed<R>(rows: readonly R[], refs: RemoteRefs<R, unknown> | undefined): string[] {
  if (!refs) return [];
  return [...new Set(rows.flatMap((r) => refs.ids(r)).filter((id): id is string => !!id))];
}

/** One lookup per directory the call names (none when the rows name no id), both at once. */
async function askPersonnel<R>(principal: Principal, rows: readonly R[], call: RemoteBulkCall<R>): Promise<PersonnelAnswer> {
  const teacherIds = idsNamed(rows, call.teachers);
  const schoolIds = idsNamed(rows, call.schools);
  const none = <V>() => Promise.resolve(new Map<string, V>());
  const [teachers, schools] = await Promise.all([
    teacherIds.length ? call.teachers!.directory.lookup(teacherIds) : none<TeacherDirectoryEntry>(),
    schoolIds.length ? call.schools!.directory.lookup(schoolIds) : none<SchoolDirectoryEntry>(),
  ]);
  const answer: PersonnelAnswer = {
    teacher(id, field = 'teacherId', title = '教师') {
      const t = teachers.get(id);
      // unknown and out of reach answer alike, naming only the id the caller sent
      if (!t || !canWriteSchool(principal, t.school.id)) return teacherOutOfReach(`${title} id“${id}”`, field);
      return t;
    },
    school(id, field = 'schoolId') {
      const s = schools.get(id);
      if (!s) return reject('SCHOOL_NOT_FOUND', `学校 id“${id}”不在学校名册中：请先在人事系统中导入该学校`, field);
      if (!canWriteSchool(principal, s.id)) return reject('SCHOOL_FORBIDDEN', `无权写入学校“${s.name}”的数据：本账号只能维护本校（${principal.schoolId ?? '无'}）的数据`, field);
      return s;
    },
    teacherName(id) {
      const t = answer.teacher(id);
      return isRejection(t) ? id : t.name;
    },
  };
  return answer;
}
