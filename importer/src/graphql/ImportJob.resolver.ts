import { ConnectionType, PageArgs, paginate, requireRole } from '@tw/kernel';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Query, Resolver, Root } from 'type-graphql';
import { canSeeJob } from '../access';
import { ImportJob } from '../entities/import-job.entity';
import { ImportIssueSeverity, ImportJobStatus, ImportJobView, ImportRowIssue } from './import-job.type';
import { issuesOf, jobView } from './job-view';
import { ImporterContext, MAX_LISTED_ERRORS, storedError } from './loaders';

export const ImportJobConnection = ConnectionType(ImportJobView, 'ImportJob');

@InputType({ description: 'Filters of the import jobs list' })
export class ImportJobFilter {
  @Field(() => [ImportJobStatus], { nullable: true }) status?: ImportJobStatus[];
  @Field({ nullable: true }) kind?: string;
}

@Resolver(() => ImportJobView)
export class ImportJobResolver {
  @Query(() => ImportJobView, { nullable: true, description: 'An import job (DISTRICT_ADMIN; SCHOOL_ADMIN for their school’s jobs); null when there is none this token may see' })
  async importJob(@Arg('id', () => ID) id: string, @Ctx() ctx: ImporterContext): Promise<ImportJobView | null> {
    const p = requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN');
    const job = await ctx.ds.getRepository(ImportJob).findOneBy({ id });
    // another school's job answers as no job at all
    if (!job || !canSeeJob(p, job)) return null;
    return jobView(job);
  }

  @Query(() => ImportJobConnection, { description: 'Import jobs in the order they were started (DISTRICT_ADMIN: all; SCHOOL_ADMIN: their school’s)' })
  async importJobs(
    @Arg('filter', () => ImportJobFilter, { nullable: true }) filter: ImportJobFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: ImporterContext,
  ) {
    const p = requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN');
    const qb = ctx.ds.getRepository(ImportJob).createQueryBuilder('j');
    if (p.role === 'SCHOOL_ADMIN') qb.andWhere('j.principal_school_id = :school', { school: p.schoolId });
    if (filter?.status?.length) qb.andWhere('j.status IN (:...status)', { status: filter.status });
    if (filter?.kind) qb.andWhere('j.kind = :kind', { kind: filter.kind });
    const conn = await paginate(qb, page);
    const nodes = conn.nodes.map(jobView);
    return { ...conn, nodes, edges: conn.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i] })), totalCount: conn.totalCount };
  }

  @FieldResolver(() => [ImportRowIssue], {
    description: `The errors of the first rejected rows, row by row (at most ${MAX_LISTED_ERRORS} rows; the error report has them all, with those rows' warnings)`,
  })
  async errors(@Root() job: ImportJobView, @Arg('first', () => Int, { defaultValue: 20 }) first: number, @Ctx() ctx: ImporterContext): Promise<ImportRowIssue[]> {
    if (job.rowsRejected === 0) return [];
    const rows = await ctx.loaders.errors.load(job.id);
    return issuesOf(rows.slice(0, Math.max(0, Math.min(first, MAX_LISTED_ERRORS))).map(storedError), ImportIssueSeverity.ERROR);
  }

  @FieldResolver(() => [ImportRowIssue], { description: `The warnings of the first rows written with warnings (at most ${MAX_LISTED_ERRORS} rows; the error report lists them too)` })
  async warnings(@Root() job: ImportJobView, @Arg('first', () => Int, { defaultValue: 20 }) first: number, @Ctx() ctx: ImporterContext): Promise<ImportRowIssue[]> {
    if (job.rowsWarned === 0) return [];
    const rows = await ctx.loaders.warnings.load(job.id);
    return issuesOf(rows.slice(0, Math.max(0, Math.min(first, MAX_LISTED_ERRORS))).map(storedError), ImportIssueSeverity.WARNING);
  }
}
