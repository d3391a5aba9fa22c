import {
  AppError,
  DISTRICT_REPORT_KEY,
  ErrorCode,
  DistrictReportKey,
  Principal,
  requireReportReader,
  requireSchoolReportReader,
  SCHOOL_REPORT_KEY,
  SchoolReportKey,
  visibleSchool,
  YEARLY_KINDS,
} from '@tw/kernel';
import DataLoader from 'dataloader';
import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { GraphQLCaller } from '../jobs/gateway-caller';
import { CoverageAnswer, fetchCoverageOfAll, kindTitle, missingYearlyKinds } from '../quality/data-quality';
import { ImporterContext } from './loaders';

// Data gaps are never silent: the district report and the school comparison say which schools sent
// nothing of a yearly kind for the year, so a 0 there is distinguishable from a gap. Each figure names
// the yearly kinds it is counted from (@figure(kinds), GET /reports/figures): its gaps are those kinds'.

@ObjectType('DistrictReport')
@Directive(DISTRICT_REPORT_KEY)
export class DistrictReportGaps extends DistrictReportKey {}

@ObjectType('SchoolReport')
@Directive(SCHOOL_REPORT_KEY)
export class SchoolReportGaps extends SchoolReportKey {}

@ObjectType('DataGapSchool', { description: 'A school with a data gap' })
export class DataGapSchool {
  @Field(() => ID) id!: string;
  @Field({ description: '学校标识码' }) code!: string;
  @Field() name!: string;
}

@ObjectType('DataGap', { description: 'A yearly kind of record, and the schools that sent none of it for the year (a gap, not a zero)' })
export class DataGap {
  @Field({ description: `The kind (${YEARLY_KINDS.join(', ')}), as the importer and @figure(kinds) name it` }) kind!: string;
  @Field({ description: 'The kind in Chinese' }) kindTitle!: string;
  @Field(() => [DataGapSchool], { description: 'The schools without a record of it for the year, by school code' }) schools!: DataGapSchool[];
}

interface SchoolPage {
  schools: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: DataGapSchool[] };
}

/** Every school the reader may see figures of (a SCHOOL_ADMIN their own), a page of 1,000 at a time. */
async function visibleSchools(gateway: GraphQLCaller, p: Principal): Promise<DataGapSchool[]> {
  const out: DataGapSchool[] = [];
  const own = p.role === 'SCHOOL_ADMIN' ? [p.schoolId!] : null;
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const d: SchoolPage = await gateway.request<SchoolPage>(
      `query ImporterGapSchools($after: String${own ? ', $ids: [ID!]' : ''}) { schools(first: 1000, after: $after${own ? ', filter: { ids: $ids }' : ''}) { pageInfo { hasNextPage endCursor } nodes { id code name } } }`,
      { after, ...(own ? { ids: own } : {}) },
    );
    out.push(...d.schools.nodes);
    if (!d.schools.pageInfo.hasNextPage) break;
    after = d.schools.pageInfo.endCursor;
  }
  const visible = visibleSchool(p);
  return out.filter((s) => visible(s.id)).sort((a, b) => a.code.localeCompare(b.code));
}

/** A service that could not be asked makes the gaps unknown: an error, never an empty list that reads as "no gap". */
function requireAnswered(answer: CoverageAnswer): CoverageAnswer {
  if (answer.unavailable.length) throw new AppError(ErrorCode.UNAVAILABLE, `数据缺口无法判断：${answer.unavailable.join('、')} 服务未应答 (services did not answer: ${answer.unavailable.join(', ')})`);
  return answer;
}

/** The missing kinds of the school comparison's rows, per request: one coverage round a year, whatever the rows. */
const rowLoaders = new WeakMap<ImporterContext, Map<number, DataLoader<string, string[]>>>();

function missingKindsLoader(ctx: ImporterContext, p: Principal, year: number): DataLoader<string, string[]> {
  const byYear = rowLoaders.get(ctx) ?? new Map<number, DataLoader<string, string[]>>();
  rowLoaders.set(ctx, byYear);
  let loader = byYear.get(year);
  if (!loader) {
    loader = new DataLoader<string, string[]>(
      async (schoolIds) => {
        const missing = missingYearlyKinds(requireAnswered(await fetchCoverageOfAll(ctx.gatewayFor(p), year, schoolIds)));
        return schoolIds.map((id) => missing.get(id) ?? []);
      },
      { maxBatchSize: 1000 },
    );
    byYear.set(year, loader);
  }
  return loader;
}

@Resolver(() => DistrictReportGaps)
export class DistrictReportGapsResolver {
  @FieldResolver(() => [DataGap], {
    nullable: true,
    description:
      'For each yearly kind of record (teachers, trainings, ethics, appraisals, pay), the schools that sent none of it for the year: their 0 in a figure counted from that kind (@figure(kinds)) is a gap, not a zero. A SCHOOL_ADMIN sees their own school only. null, with an error, when a service could not be asked (unknown is not "no gap")',
  })
  async dataGaps(@Root() r: DistrictReportGaps, @Ctx() ctx: ImporterContext): Promise<DataGap[]> {
    const p = requireReportReader(ctx);
    const gateway = ctx.gatewayFor(p);
    const schools = await visibleSchools(gateway, p);
    const missing = missingYearlyKinds(requireAnswered(await fetchCoverageOfAll(gateway, r.year, schools.map((s) => s.id))));
    return YEARLY_KINDS.map((kind) => ({ kind, kindTitle: kindTitle(kind), schools: schools.filter((s) => missing.get(s.id)?.includes(kind)) }));
  }
}

@Resolver(() => SchoolReportGaps)
export class SchoolReportGapsResolver {
  @FieldResolver(() => [String], {
    nullable: true,
    description: 'The yearly kinds (teachers, trainings, ethics, appraisals, pay) the school sent none of for the year: a 0 in a figure counted from one of them is a gap, not a zero. null, with an error, when a service could not be asked',
  })
  async missingKinds(@Root() r: SchoolReportGaps, @Ctx() ctx: ImporterContext): Promise<string[]> {
    const p = requireSchoolReportReader(ctx, r.schoolId);
    return missingKindsLoader(ctx, p, r.year).load(r.schoolId);
  }
}
