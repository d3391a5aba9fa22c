import {
  BulkOptions,
  BulkResult,
  LocalDate,
  recordsAsOf,
  badInput,
  graphqlEnum,
  ID_TYPE,
  maskIdNumber,
  normalizeIdNumber,
  PageArgs,
  requirePrincipal,
  requireRole,
  runBulk,
  seesFullIdNumbers,
  canReadPerson,
  watchBulk,
} from '@tw/kernel';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { In } from 'typeorm';
import { readableOrNull } from '../access';
import { teacherPlan } from '../bulk/teachers.plan';
import { Hire } from '../entities/hire.entity';
import { Rotation } from '../entities/rotation.entity';
import { School } from '../entities/school.entity';
import { IdType, Teacher } from '../entities/teacher.entity';
import { ExtraField, TeacherFilter, TeacherInput } from '../inputs/teacher.input';
import { PersonnelContext } from '../context';
import { PersonalField } from '../personal-field';
import { teacherQuery, TeacherConnection } from './teacher.query';

@Resolver(() => Teacher)
export class TeacherResolver {
  @Query(() => Teacher, { nullable: true, description: 'A teacher by id (null when there is none that this token may read); with asOf, personnel\'s fields as they were on that day (null when not in the roster then). A school admin reads the past of a teacher at their school now, as of the days the teacher was there' })
  async teacher(
    @Arg('id', () => ID) id: string,
    @Arg('asOf', () => LocalDate, { nullable: true, description: 'A day (YYYY-MM-DD): the record as it was then, from its versions' }) asOf: string | null,
    @Ctx() ctx: PersonnelContext,
  ): Promise<Teacher | null> {
    requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'TEACHER');
    const now = readableOrNull(ctx, await ctx.loaders.teacher.load(id));
    if (!asOf || !now) return now;
    // a school admin reads a teacher's past while the teacher is at their school, and as they were there
    return readableOrNull(ctx, (await recordsAsOf(ctx.ds.manager, Teacher, [id], asOf))[0] ?? null);
  }

  @Query(() => Teacher, { nullable: true, description: 'A teacher by ID type and number (null when there is none that this token may read)' })
  async teacherByIdNumber(
    @Arg('idNumber') idNumber: string,
    @Arg('idType', () => graphqlEnum(ID_TYPE), { defaultValue: 'RESIDENT_ID' }) idType: IdType,
    @Ctx() ctx: PersonnelContext,
  ): Promise<Teacher | null> {
    requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'TEACHER');
    const t = readableOrNull(ctx, await ctx.ds.getRepository(Teacher).findOneBy({ idType, idNumber: normalizeIdNumber(idNumber) }));
    if (!t) ctx.lookups?.miss(ctx.principal, 1, 'teacherByIdNumber');
    return t;
  }

  @Query(() => [Teacher], {
    nullable: 'items',
    description: 'Teachers by ID number, in the order asked, null where none is found that this token may read (for the importer resolving references; at most 1,000)',
  })
  async teachersByIdNumber(
    @Arg('idNumbers', () => [String]) idNumbers: string[],
    @Arg('idType', () => graphqlEnum(ID_TYPE), { defaultValue: 'RESIDENT_ID' }) idType: IdType,
    @Ctx() ctx: PersonnelContext,
  ): Promise<Array<Teacher | null>> {
    const p = requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'TEACHER');
    if (idNumbers.length > 1000) throw badInput(`teachersByIdNumber takes at most 1,000 numbers a call; got ${idNumbers.length}`);
    const normalized = idNumbers.map(normalizeIdNumber);
    const rows = normalized.length ? await ctx.ds.getRepository(Teacher).findBy({ idType, idNumber: In([...new Set(normalized)]) }) : [];
    const byNumber = new Map(rows.filter((t) => canReadPerson(p, t.schoolId, t.id)).map((t) => [t.idNumber, t]));
    const answer = normalized.map((n) => byNumber.get(n) ?? null);
    ctx.lookups?.miss(p, answer.filter((t) => !t).length, 'teachersByIdNumber');
    return answer;
  }

  @Query(() => [Teacher], {
    nullable: 'items',
    description: 'Teachers by id, in the order asked, null where none is found that this token may read (at most 1,000; other services check references with it)',
  })
  async teachersByIds(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: PersonnelContext): Promise<Array<Teacher | null>> {
    const p = requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'TEACHER');
    if (ids.length > 1000) throw badInput(`teachersByIds takes at most 1,000 ids a call; got ${ids.length}`);
    const rows = await ctx.loaders.teacher.loadMany(ids);
    return rows.map((t) => (t && !(t instanceof Error) && canReadPerson(p, t.schoolId, t.id) ? t : null));
  }

  @Query(() => TeacherConnection, { description: 'Teachers, by filter, a page at a time; a SCHOOL_ADMIN sees their school, a TEACHER themself' })
  async teachers(
    @Arg('filter', () => TeacherFilter, { nullable: true }) filter: TeacherFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: PersonnelContext,
  ) {
    return teacherQuery(ctx, filter, page);
  }

  @FieldResolver(() => String, { description: '身份证件号: whole for DISTRICT_ADMIN and the school\'s SCHOOL_ADMIN, masked (410102********1234) for others' })
  idNumber(@Root() t: Teacher, @Ctx() ctx: PersonnelContext): string {
    const p = requirePrincipal(ctx);
    return seesFullIdNumbers(p, t.schoolId) ? t.idNumber : maskIdNumber(t.idNumber);
  }

  @FieldResolver(() => School, { description: 'The school the teacher belongs to' })
  async school(@Root() t: Teacher, @Ctx() ctx: PersonnelContext): Promise<School> {
    const s = await ctx.loaders.school.load(t.schoolId);
    if (!s) throw new Error(`Teacher ${t.id} names a school ${t.schoolId} that does not exist`);
    return s;
  }

  @FieldResolver(() => [ExtraField], { nullable: true, description: 'Other 基本信息 columns the file carried' })
  @UseMiddleware(PersonalField)
  extraFields(@Root() t: Teacher): ExtraField[] {
    if (!t.extra) return [];
    return Object.entries(JSON.parse(t.extra) as Record<string, string>).map(([name, value]) => ({ name, value }));
  }

  @FieldResolver(() => [Hire], { nullable: true, description: 'Recruitment records' })
  @UseMiddleware(PersonalField)
  async hires(@Root() t: Teacher, @Ctx() ctx: PersonnelContext): Promise<Hire[]> {
    return ctx.loaders.hiresByTeacher.load(t.id);
  }

  @FieldResolver(() => [Rotation], { nullable: true, description: 'Rotations (交流轮岗)' })
  @UseMiddleware(PersonalField)
  async rotations(@Root() t: Teacher, @Ctx() ctx: PersonnelContext): Promise<Rotation[]> {
    return ctx.loaders.rotationsByTeacher.load(t.id);
  }

  @Mutation(() => BulkResult, {
    description: 'Creates or updates teachers by ID type + number, up to 1,000 a call, in one transaction (DISTRICT_ADMIN; SCHOOL_ADMIN for their school)',
  })
  async upsertTeachers(
    @Arg('rows', () => [TeacherInput]) rows: TeacherInput[],
    @Arg('options', () => BulkOptions, { nullable: true }) options: BulkOptions | null,
    @Ctx() ctx: PersonnelContext,
  ): Promise<BulkResult> {
    const p = requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN');
    return watchBulk(ctx, runBulk(ctx.ds, rows, options ?? new BulkOptions(), teacherPlan(p, ctx.clock.now()), p, ctx.clock), 'upsertTeachers');
  }
}
