import { ConnectionType, forbidden, KindCoverage, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, requireRole } from '@tw/kernel';
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { fetchCoverage, schoolQuality } from '../quality/data-quality';
import { ImporterContext } from './loaders';

@ObjectType('SchoolDataQuality', {
  description:
    'A school’s data for a year as the services hold it: which kinds it sent (and which yearly ones it did not: a gap, not a zero), teachers lacking fields the national template requires, records untouched for over a year, unclassified sanctions',
})
export class SchoolDataQuality {
  @Field(() => ID) schoolId!: string;
  @Field() schoolCode!: string;
  @Field() schoolName!: string;
  @Field(() => Int) year!: number;
  @Field(() => [KindCoverage], { description: 'Every kind the services count, with its records of the year (0: none sent)' }) kinds!: KindCoverage[];
  @Field(() => [String], { description: 'The yearly kinds (teachers, trainings, ethics, appraisals, pay) of which the school has no record for the year' }) missingKinds!: string[];
  @Field(() => [String], { description: 'The same, in Chinese' }) missingKindTitles!: string[];
  @Field(() => Int, { nullable: true, description: 'Serving teachers lacking fields the national 基本信息 template requires (null: personnel did not answer)' })
  teachersLackingNationalFields!: number | null;
  @Field(() => Int, { description: 'Records of the year (and serving teachers) not written for more than a year' }) staleRecords!: number;
  @Field(() => Int, { nullable: true, description: 'Sanctions of the year whose reason is 未归类, for the bureau to settle (null: governance did not answer)' })
  unclassifiedSanctions!: number | null;
  @Field(() => [String], { description: 'Services that did not answer: their kinds are missing from this row, not zero' }) unavailable!: string[];
}

export const SchoolDataQualityConnection = ConnectionType(SchoolDataQuality, 'SchoolDataQuality');

interface SchoolPage {
  schools: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ cursor: string; node: { id: string; code: string; name: string } }> };
}

@Resolver()
export class DataQualityResolver {
  @Query(() => SchoolDataQualityConnection, {
    description:
      'The data-quality view, per school and year, a page of schools at a time (DISTRICT_ADMIN and ANALYST: every school; SCHOOL_ADMIN: their own). Read from each service’s coverage through the gateway with the caller’s access: a constant number of requests a page.',
  })
  async dataQuality(
    @Arg('year', () => Int) year: number,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: ImporterContext,
  ) {
    const p = requireRole(ctx, 'DISTRICT_ADMIN', 'ANALYST', 'SCHOOL_ADMIN');
    // the view reads the services as its user; an internal service asks each service's coverage itself
    if (p.role === 'SERVICE') throw forbidden('dataQuality reads the services for a user; a service asks each service’s <service>Coverage itself');
    if (p.role === 'SCHOOL_ADMIN' && schoolId && schoolId !== p.schoolId) throw forbidden(`A SCHOOL_ADMIN token reads only its own school's data quality (school ${p.schoolId})`);
    const only = p.role === 'SCHOOL_ADMIN' ? p.schoolId! : schoolId;
    const size = Math.max(1, Math.min(first ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE));
    const gateway = ctx.gatewayFor(p);
    const page = await gateway.request<SchoolPage>(
      `query ImporterQualitySchools($first: Int!, $after: String${only ? ', $ids: [ID!]' : ''}) { schools(first: $first, after: $after${only ? ', filter: { ids: $ids }' : ''}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id code name } } } }`,
      { first: size, after, ...(only ? { ids: [only] } : {}) },
    );
    const schools = page.schools.edges.map((e) => e.node);
    const answer = await fetchCoverage(gateway, year, schools.map((s) => s.id));
    const nodes: SchoolDataQuality[] = schools.map((s) => ({ schoolId: s.id, schoolCode: s.code, schoolName: s.name, year, ...schoolQuality(s.id, year, answer) }));
    return { nodes, edges: page.schools.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i] })), pageInfo: page.schools.pageInfo, totalCount: page.schools.totalCount };
  }
}
