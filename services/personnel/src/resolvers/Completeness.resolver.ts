import { Connection, ConnectionType, PageArgs, paginate, recordScope, requireRole, requireYear, SERVING_STATUSES } from '@tw/kernel';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { PersonnelContext } from '../context';
import { Teacher } from '../entities/teacher.entity';

/**
 * The roster fields the bureau requires of every serving teacher (完整性检测), beyond those a row cannot
 * be sent without: property, column, and the field's Chinese name.
 */
export const REQUIRED_ROSTER_FIELDS: ReadonlyArray<readonly [keyof Teacher & string, string, string]> = [
  ['staffNo', 'staff_no', '教职工号'],
  ['postCategory', 'post_category', '岗位类别'],
  ['professionalTitle', 'professional_title', '专业技术职务'],
  ['education', 'education', '学历'],
  ['teachingStage', 'teaching_stage', '任教学段'],
  ['teachingSubject', 'teaching_subject', '任教学科'],
];

@ObjectType('TeacherCompleteness', {
  description:
    '完整性检测: a serving teacher whose roster lacks fields the bureau requires; asked for a year, every serving teacher, whose missing yearly records the owning services add on its teacher (compensationMissingRecords(year), governanceMissingRecords(year))',
})
export class TeacherCompleteness {
  id!: string;
  teacher!: Teacher;
  @Field(() => Int, { nullable: true, description: 'The year asked for (null: the roster fields only)' }) year!: number | null;
  @Field(() => [String], { description: 'The required fields the record lacks (field names: professionalTitle, …)' }) missingFields!: string[];
  @Field(() => [String], { description: 'The same, by their Chinese names (专业技术职务, …)' }) missingTitles!: string[];
}

export const TeacherCompletenessConnection = ConnectionType(TeacherCompleteness, 'TeacherCompleteness');

@Resolver(() => TeacherCompleteness)
export class CompletenessResolver {
  @Query(() => TeacherCompletenessConnection, {
    description:
      "完整性检测 before a school sends its records: the serving teachers (a SCHOOL_ADMIN: of its school) whose record lacks a field the bureau requires, a page at a time; the required fields are those of REQUIRED_ROSTER_FIELDS (教职工号, 岗位类别, 专业技术职务, 学历, 任教学段, 任教学科). With a year: every serving teacher, with the roster fields it lacks, and on its teacher the yearly records it has none of for that year (compensationMissingRecords(year): 工资记录; governanceMissingRecords(year): 师德考核, 年度考核), each service answering a page in one statement",
  })
  async teacherCompleteness(
    @Arg('schoolId', () => ID, { nullable: true }) schoolId: string | null,
    @Arg('year', () => Int, { nullable: true, description: 'The year whose yearly records are checked: every serving teacher is listed, complete or not' }) year: number | null,
    @Args() page: PageArgs,
    @Ctx() ctx: PersonnelContext,
  ): Promise<Connection<TeacherCompleteness>> {
    requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN');
    if (year !== null && year !== undefined) requireYear(year);
    const scope = recordScope(ctx, schoolId);
    const qb = ctx.ds.getRepository(Teacher).createQueryBuilder('t').andWhere('t.status IN (:...serving)', { serving: [...SERVING_STATUSES] });
    const school = 'schoolId' in scope ? scope.schoolId : schoolId;
    if (school) qb.andWhere('t.school_id = :school', { school });
    if (year === null || year === undefined) qb.andWhere(`(${REQUIRED_ROSTER_FIELDS.map(([, c]) => `t.${c} IS NULL OR t.${c} = ''`).join(' OR ')})`);
    const found = await paginate(qb, page);
    const wrap = (t: Teacher): TeacherCompleteness => {
      const missing = REQUIRED_ROSTER_FIELDS.filter(([p]) => t[p] === null || t[p] === undefined || t[p] === '');
      return { id: t.id, teacher: t, year: year ?? null, missingFields: missing.map(([p]) => p), missingTitles: missing.map(([, , title]) => title) };
    };
    return {
      edges: found.edges.map((e) => ({ cursor: e.cursor, node: wrap(e.node) })),
      nodes: found.nodes.map(wrap),
      pageInfo: found.pageInfo,
      get totalCount() {
        return found.totalCount;
      },
    };
  }

  @FieldResolver(() => Teacher, { description: 'The teacher' })
  teacher(@Root() c: TeacherCompleteness): Teacher {
    return c.teacher;
  }
}
