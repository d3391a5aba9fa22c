import { ConnectionType, forbidden, PageArgs, paginate, requirePrincipal } from '@tw/kernel';
import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { AuditEntry } from '../entities/audit-entry.entity';
import { AuditFilter } from '../inputs/audit.input';
import { GovernanceContext } from '../context';
import { addDays, chinaDayStartUtc } from '../rules/dates';

export const AuditEntryConnection = ConnectionType(AuditEntry, 'GovernanceAuditEntry');

/** The audit log is read-only through the API: there is no mutation that changes or deletes an entry. */
@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'The audit log of ethics, appraisal, award and negative-list writes, oldest first (DISTRICT_ADMIN only)' })
  async governanceAuditLog(@Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | null, @Args() page: PageArgs, @Ctx() ctx: GovernanceContext) {
    const p = requirePrincipal(ctx);
    // not even an internal service reads who changed what: only the district's administrators
    if (p.role !== 'DISTRICT_ADMIN') throw forbidden(`The audit log is for DISTRICT_ADMIN only; your token has ${p.role}`);
    const qb = ctx.ds.getRepository(AuditEntry).createQueryBuilder('a');
    if (filter?.entity) qb.andWhere('a.entity = :entity', { entity: filter.entity });
    if (filter?.teacherId) qb.andWhere('a.teacher_id = :teacherId', { teacherId: filter.teacherId });
    if (filter?.from) qb.andWhere('a.recorded_at >= :from', { from: chinaDayStartUtc(filter.from) });
    if (filter?.to) qb.andWhere('a.recorded_at < :to', { to: chinaDayStartUtc(addDays(filter.to, 1)) });
    return paginate(qb, page);
  }
}
