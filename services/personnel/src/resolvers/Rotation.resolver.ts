import { BulkOptions, BulkResult, ConnectionType, PageArgs, paginate, recordScope, requireRole, runBulk, watchBulk } from '@tw/kernel';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Brackets } from 'typeorm';
import { rotationPlan } from '../bulk/rotations.plan';
import { Rotation } from '../entities/rotation.entity';
import { Teacher } from '../entities/teacher.entity';
import { RotationFilter, RotationInput } from '../inputs/rotation.input';
import { PersonnelContext } from '../context';

export const RotationConnection = ConnectionType(Rotation, 'Rotation');

@Resolver(() => Rotation)
export class RotationResolver {
  @Query(() => RotationConnection, { description: 'Rotations (交流轮岗), by start year or school (DISTRICT_ADMIN; SCHOOL_ADMIN for their school)' })
  async rotations(@Arg('filter', () => RotationFilter, { nullable: true }) filter: RotationFilter | null, @Args() page: PageArgs, @Ctx() ctx: PersonnelContext) {
    requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN');
    const scope = recordScope(ctx, filter?.schoolId);
    const qb = ctx.ds.getRepository(Rotation).createQueryBuilder('r');
    const schoolId = 'schoolId' in scope ? scope.schoolId : filter?.schoolId;
    if (schoolId) {
      qb.leftJoin(Teacher, 't', 't.id = r.teacher_id').andWhere(
        new Brackets((w) => w.where('t.school_id = :schoolId').orWhere('r.from_school_id = :schoolId').orWhere('r.to_school_id = :schoolId')),
        { schoolId },
      );
    }
    if (filter?.startYear) qb.andWhere('r.start_month LIKE :y', { y: `${filter.startYear}-%` });
    return paginate(qb, page);
  }

  @FieldResolver(() => Teacher)
  async teacher(@Root() r: Rotation, @Ctx() ctx: PersonnelContext): Promise<Teacher | null> {
    return ctx.loaders.teacher.load(r.teacherId);
  }

  @Mutation(() => BulkResult, { description: 'Creates or updates rotations by teacher + 开始年月 (DISTRICT_ADMIN; SCHOOL_ADMIN for their school)' })
  async upsertRotations(
    @Arg('rows', () => [RotationInput]) rows: RotationInput[],
    @Arg('options', () => BulkOptions, { nullable: true }) options: BulkOptions | null,
    @Ctx() ctx: PersonnelContext,
  ): Promise<BulkResult> {
    const p = requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN');
    return watchBulk(ctx, runBulk(ctx.ds, rows, options ?? new BulkOptions(), rotationPlan(p, ctx.clock.now()), p, ctx.clock), 'upsertRotations');
  }
}
