import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { assertCanReadPay } from '../access';
import { PayRecord } from '../entities/pay-record.entity';
import { TalentRecord } from '../entities/talent-record.entity';
import { TeacherRef } from '../entities/teacher-ref';
import { CompensationContext } from '../context';

/**
 * The fields this subgraph adds to Teacher. Each @requires the teacher's school, so the gateway
 * sends it in the representation and access is decided by the school personnel holds now.
 */
@Resolver(() => TeacherRef)
export class TeacherResolver {
  @FieldResolver(() => PayRecord, {
    nullable: true,
    description: "The teacher's pay for a finished year (null when none is recorded). DISTRICT_ADMIN, the school's SCHOOL_ADMIN and the teacher; never ANALYST.",
  })
  @Directive('@requires(fields: "school { id }")')
  async pay(@Root() t: TeacherRef, @Arg('year', () => Int) year: number, @Ctx() ctx: CompensationContext): Promise<PayRecord | null> {
    assertCanReadPay(ctx, t);
    return ctx.loaders.payByTeacherYear.load({ teacherId: t.id, year });
  }

  @FieldResolver(() => [PayRecord], { nullable: true, description: "The teacher's pay records, oldest year first (who may read them: as for pay)" })
  @Directive('@requires(fields: "school { id }")')
  async payHistory(@Root() t: TeacherRef, @Ctx() ctx: CompensationContext): Promise<PayRecord[]> {
    assertCanReadPay(ctx, t);
    return ctx.loaders.payHistory.load(t.id);
  }

  @FieldResolver(() => TalentRecord, { nullable: true, description: "The teacher's talent category, assessment and subsidy for a year (who may read it: as for pay)" })
  @Directive('@requires(fields: "school { id }")')
  async talent(@Root() t: TeacherRef, @Arg('year', () => Int) year: number, @Ctx() ctx: CompensationContext): Promise<TalentRecord | null> {
    assertCanReadPay(ctx, t);
    return ctx.loaders.talentByTeacherYear.load({ teacherId: t.id, year });
  }
}
