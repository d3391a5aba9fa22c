import DataLoader from 'dataloader';
import { Arg, ClassType, Ctx, Directive, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { DataSource } from 'typeorm';
import { forbidden } from './errors';
import { BaseContext, requirePrincipal } from './graphql/context';
import { YearlyKind } from './graphql/figure';
import { compositeKey, valueLoader } from './loaders';
import { requireYear } from './reports';
import { reviewRule } from './review/policy';

// 完整性检测 per year: the yearly records the bureau requires of every serving teacher (one a teacher
// a year), asked of the service that owns them for a page of teachers at once.

@ObjectType({ description: '完整性检测: a yearly record the bureau requires of every serving teacher, which the teacher has none of for the year' })
@Directive('@shareable')
export class MissingYearlyRecord {
  @Field({ description: 'The yearly kind, as the importer and @figure(kinds) name it (pay, ethics, appraisals)' }) kind!: string;
  @Field({ description: 'The kind in Chinese (工资记录, 师德考核, 年度考核)' }) kindTitle!: string;
  @Field(() => Int) year!: number;
}

/** A table holding one record per teacher and year that the bureau requires of every serving teacher. */
export interface YearlyRecordSource {
  readonly kind: YearlyKind;
  /** its Chinese name (the review policy's title of the kind) */
  readonly title: string;
  readonly table: string;
  /** the year column (an integer year); the teacher column is teacher_id */
  readonly yearColumn: string;
}

/**
 * A source whose Chinese name is the review policy's title of the kind its records are sent as.
 * @example yearlyRecordSource('ethics', 'ethics-assessments', 'ethics_assessment') // 师德考核
 */
export function yearlyRecordSource(kind: YearlyKind, reviewKind: string, table: string, yearColumn = 'year'): YearlyRecordSource {
  const rule = reviewRule(reviewKind);
  if (!rule) throw new Error(`yearlyRecordSource: "${reviewKind}" is not a kind of the review policy`);
  return { kind, title: rule.title, table, yearColumn };
}

type TeacherYear = { readonly teacherId: string; readonly year: number };
const key = (k: TeacherYear) => compositeKey(k.teacherId, k.year);

/**
 * Which of the sources each teacher has no record of for the year, for a batch of (teacher, year):
 * ONE statement whatever the number of teachers and sources (a UNION ALL of each table's teachers
 * that have one).
 */
export async function findMissingYearlyRecords(ds: DataSource, sources: readonly YearlyRecordSource[], keys: readonly TeacherYear[]): Promise<Map<unknown, MissingYearlyRecord[]>> {
  const teachers = [...new Set(keys.map((k) => k.teacherId))];
  const years = [...new Set(keys.map((k) => k.year))];
  const out = new Map<unknown, MissingYearlyRecord[]>();
  if (!keys.length || !sources.length) return out;
  const marks = (xs: readonly unknown[]) => xs.map(() => '?').join(', ');
  const rows: Array<{ kind: string; teacher_id: string; year: number | string }> = await ds.query(
    sources
      .map((s) => `SELECT DISTINCT '${s.kind}' AS kind, teacher_id, ${s.yearColumn} AS year FROM ${s.table} WHERE teacher_id IN (${marks(teachers)}) AND ${s.yearColumn} IN (${marks(years)})`)
      .join(' UNION ALL '),
    sources.flatMap(() => [...teachers, ...years]),
  );
  const present = new Set(rows.map((r) => compositeKey(r.kind, String(r.teacher_id), Number(r.year))));
  for (const k of keys) {
    out.set(
      key(k),
      sources.filter((s) => !present.has(compositeKey(s.kind, k.teacherId, k.year))).map((s) => ({ kind: s.kind, kindTitle: s.title, year: k.year })),
    );
  }
  return out;
}

/** The per-request loader: the teachers of a page asked together are answered by one statement. */
export function missingYearlyRecordsLoader(ds: DataSource, sources: readonly YearlyRecordSource[]): DataLoader<TeacherYear, MissingYearlyRecord[]> {
  return valueLoader<TeacherYear, MissingYearlyRecord[]>((keys) => findMissingYearlyRecords(ds, sources, keys), [], key);
}

/** What the field needs of the service's Teacher stub: its key and the school personnel holds (@requires). */
interface TeacherStub {
  id: string;
  school?: { id: string } | null;
}

/**
 * The field a service adds to Teacher for the per-year completeness check (`compensationMissingRecords(year)`,
 * …): the service's yearly kinds the teacher has no record of for the year. A page of teachers is
 * answered by one statement (a DataLoader per request). DISTRICT_ADMIN any teacher, SCHOOL_ADMIN the
 * teachers of its school (null for another school's, as for one it cannot read); TEACHER and ANALYST
 * are refused, as by teacherCompleteness.
 * @example resolvers: [..., missingYearlyRecordsResolver('governanceMissingRecords', TeacherRef, GOVERNANCE_YEARLY_RECORDS)]
 */
export function missingYearlyRecordsResolver(fieldName: string, teacherType: ClassType, sources: readonly YearlyRecordSource[]): ClassType {
  const loaders = new WeakMap<object, DataLoader<TeacherYear, MissingYearlyRecord[]>>();
  @Resolver(() => teacherType)
  class MissingYearlyRecordsResolver {
    @FieldResolver(() => [MissingYearlyRecord], {
      name: fieldName,
      nullable: true,
      description: `完整性检测: the yearly records (${sources.map((s) => s.title).join(', ')}) the bureau requires of every serving teacher that this teacher has none of for the year. DISTRICT_ADMIN; SCHOOL_ADMIN its own school's teachers (null for others); TEACHER and ANALYST are refused`,
    })
    @Directive('@requires(fields: "school { id }")')
    async missing(@Root() t: TeacherStub, @Arg('year', () => Int) year: number, @Ctx() ctx: BaseContext & { ds: DataSource }): Promise<MissingYearlyRecord[] | null> {
      const p = requirePrincipal(ctx);
      if (p.role !== 'SERVICE' && p.role !== 'DISTRICT_ADMIN' && p.role !== 'SCHOOL_ADMIN') throw forbidden(`${fieldName} answers DISTRICT_ADMIN and SCHOOL_ADMIN; your token has ${p.role}`);
      requireYear(year);
      if (p.role === 'SCHOOL_ADMIN' && (!t.school?.id || t.school.id !== p.schoolId)) return null;
      let loader = loaders.get(ctx);
      if (!loader) loaders.set(ctx, (loader = missingYearlyRecordsLoader(ctx.ds, sources)));
      return loader.load({ teacherId: t.id, year });
    }
  }
  return MissingYearlyRecordsResolver;
}
