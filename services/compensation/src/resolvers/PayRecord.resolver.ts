import { BulkOptions, BulkResult, ConnectionType, PageArgs, paginate, recordScope, runRemoteBulk } from '@tw/kernel';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { payRecordPlan } from '../bulk/pay-records.plan';
import { monthlyTotal, PayRecord } from '../entities/pay-record.entity';
import { SchoolRef } from '../entities/school-ref';
import { TeacherRef } from '../entities/teacher-ref';
import { PayRecordFilter, PayRecordInput } from '../inputs/pay-record.input';
import { CompensationContext } from '../context';
import { Fen } from '../money/fen';
import { Yuan } from '../money/yuan.scalar';

export const PayRecordConnection = ConnectionType(PayRecord, 'PayRecord');

@Resolver(() => PayRecord)
export class PayRecordResolver {
  @Query(() => PayRecordConnection, {
    description: "Pay records of a year, by the school recorded on them: DISTRICT_ADMIN all, a SCHOOL_ADMIN their school's, a TEACHER their own; not ANALYST",
  })
  async payRecords(@Arg('filter', () => PayRecordFilter) filter: PayRecordFilter, @Args() page: PageArgs, @Ctx() ctx: CompensationContext) {
    const scope = recordScope(ctx, filter.schoolId);
    const qb = ctx.ds.getRepository(PayRecord).createQueryBuilder('p').where('p.year = :year', { year: filter.year });
    if ('schoolId' in scope) qb.andWhere('p.school_id = :scopeSchool', { scopeSchool: scope.schoolId });
    if ('teacherId' in scope) qb.andWhere('p.teacher_id = :scopeTeacher', { scopeTeacher: scope.teacherId });
    if (filter.schoolId) qb.andWhere('p.school_id = :schoolId', { schoolId: filter.schoolId });
    return paginate(qb, page);
  }

  @FieldResolver(() => TeacherRef)
  teacher(@Root() r: PayRecord): TeacherRef {
    return { id: r.teacherId };
  }

  @FieldResolver(() => SchoolRef, { description: 'The school the teacher was at when the record was written (as recorded)' })
  recordedSchool(@Root() r: PayRecord): SchoolRef {
    return { id: r.schoolId };
  }

  @FieldResolver(() => Yuan, { description: 'The monthly components added up (a blank one counts 0)' })
  monthlyTotal(@Root() r: PayRecord): Fen {
    return monthlyTotal(r);
  }

  @Mutation(() => BulkResult, {
    description:
      'Creates or updates pay records by teacher + year, up to 1,000 a call, in one transaction (DISTRICT_ADMIN; SCHOOL_ADMIN for their teachers). Refused rows: a year not finished (UTC+8), a teacher personnel does not know, monthly components × 12 above the annual income.',
  })
  async upsertPayRecords(
    @Arg('rows', () => [PayRecordInput]) rows: PayRecordInput[],
    @Arg('options', () => BulkOptions, { nullable: true }) options: BulkOptions | null,
    @Ctx() ctx: CompensationContext,
  ): Promise<BulkResult> {
    return runRemoteBulk(
      ctx,
      rows,
      options,
      { roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'], plan: 'pay-records', teachers: { directory: ctx.directory, ids: (r) => [r.teacherId] } },
      (p, personnel) => payRecordPlan(p, personnel, ctx.clock.now()),
    );
  }
}
