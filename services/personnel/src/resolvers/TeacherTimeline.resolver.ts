import { forbidden, HistoryEntry, newestFirst, notFound, requirePrincipal, teacherHistory } from '@tw/kernel';
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { PersonnelContext } from '../context';
import { PEER_SERVICES } from '../analytics/metrics';

@ObjectType({ description: "A page of a teacher's timeline" })
export class TeacherTimeline {
  @Field(() => [HistoryEntry], { description: 'Newest first: by the day each change took effect, then as recorded' }) entries!: HistoryEntry[];
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page' }) endCursor!: string | null;
}

/** personnel's own tables about a teacher */
const OWN = [
  { table: 'teacher', teacherColumn: 'record_id' },
  { table: 'rotation', teacherColumn: 'teacher_id' },
  { table: 'hire', teacherColumn: 'teacher_id' },
];

@Resolver()
export class TeacherTimelineResolver {
  @Query(() => TeacherTimeline, {
    description:
      "A teacher's whole history across the four services (moves, status, hires and rotations; trainings, designations, studios, lessons, mentoring; pay and talent; ethics, violations, appraisals, awards, principal rank), newest first, " +
      'each change with its day, what changed (before/after) and who recorded it. DISTRICT_ADMIN and the teacher read all of it; a SCHOOL_ADMIN while the teacher is at their school, from the day the teacher came there',
  })
  async teacherTimeline(
    @Arg('teacherId', () => ID) teacherId: string,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most 100' }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: PersonnelContext,
  ): Promise<TeacherTimeline> {
    const p = requirePrincipal(ctx);
    const size = Math.min(Math.max(first, 1), 100);
    const teacher = await ctx.loaders.teacher.load(teacherId);
    const outside = () => forbidden(`Teacher ${teacherId} is outside what your token may read`);
    let since: string | null = null;
    if (p.role === 'TEACHER') {
      if (p.teacherId !== teacherId) throw outside();
    } else if (p.role === 'SCHOOL_ADMIN') {
      if (!teacher || teacher.schoolId !== p.schoolId) throw outside();
      since = await stintStart(ctx, teacherId, p.schoolId);
    } else if (p.role !== 'DISTRICT_ADMIN') {
      throw forbidden(`A teacher's timeline is read by DISTRICT_ADMIN, the teacher's SCHOOL_ADMIN and the teacher; your token has ${p.role}`);
    }
    if (!teacher) throw notFound(`No teacher with id "${teacherId}"`);
    const page = { first: size + 1, after, since };
    const parts = await Promise.all([
      teacherHistory(ctx.ds, 'personnel', OWN, teacherId, page),
      ...PEER_SERVICES.map((s) => ctx.reports.peers.teacherHistory(s, teacherId, page)),
    ]);
    const all = newestFirst(parts.flat());
    const entries = all.slice(0, size);
    return Object.assign(new TeacherTimeline(), { entries, hasNextPage: all.length > size, endCursor: entries.at(-1)?.cursor ?? null });
  }
}

/** The day the teacher came to the school they are at now (the first of the latest run of versions there). */
async function stintStart(ctx: PersonnelContext, teacherId: string, schoolId: string): Promise<string | null> {
  const rows: Array<{ schoolId: string; validFrom: unknown }> = await ctx.ds.query(
    'SELECT school_id AS schoolId, valid_from AS validFrom FROM teacher_version WHERE record_id = ? AND superseded_at IS NULL ORDER BY valid_from DESC, version_id DESC',
    [teacherId],
  );
  let since: string | null = null;
  for (const r of rows) {
    if (r.schoolId !== schoolId) break;
    since = String(r.validFrom).slice(0, 10);
  }
  return since;
}
