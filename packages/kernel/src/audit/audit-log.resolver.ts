import { Arg, Args, ClassType, Ctx, Field, ID, InputType, Query, Resolver } from 'type-graphql';
import { DataSource } from 'typeorm';
import { requireRole, BaseContext } from '../graphql/context';
import { ConnectionType, PageArgs, paginate } from '../graphql/pagination';
import { AuditEntry } from './audit-entry.entity';

@InputType({ description: 'Filters of an audit log' })
export class AuditFilter {
  @Field({ nullable: true, description: 'kind of record (teacher, pay_record, …)' }) entity?: string;
  @Field(() => ID, { nullable: true }) entityId?: string;
  @Field(() => ID, { nullable: true }) teacherId?: string;
  @Field({ nullable: true, description: 'the token subject that wrote' }) actorSubject?: string;
  @Field({ nullable: true, description: 'written at or after' }) from?: Date;
  @Field({ nullable: true, description: 'written before' }) to?: Date;
}

export const AuditEntryConnection = ConnectionType(AuditEntry, 'AuditEntry', { shareable: true });

/** What a service's context gives the audit query: its data source. */
export interface AuditContext extends BaseContext {
  readonly ds: DataSource;
}

/**
 * The query that reads a service's audit log, named per service (personnelAuditLog, …), for
 * DISTRICT_ADMIN only. There is no mutation on the log.
 * @example resolvers: [..., auditLogResolver('personnelAuditLog', 'personnel')]
 */
export function auditLogResolver(queryName: string, serviceTitle: string): ClassType {
  @Resolver()
  class AuditLogResolver {
    @Query(() => AuditEntryConnection, { name: queryName, description: `Every write to the ${serviceTitle} data, newest last (DISTRICT_ADMIN)` })
    async auditLog(@Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | null, @Args() page: PageArgs, @Ctx() ctx: AuditContext) {
      requireRole(ctx, 'DISTRICT_ADMIN');
      const qb = ctx.ds.getRepository(AuditEntry).createQueryBuilder('a');
      if (filter?.entity) qb.andWhere('a.entity = :entity', { entity: filter.entity });
      if (filter?.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
      if (filter?.teacherId) qb.andWhere('a.teacher_id = :teacherId', { teacherId: filter.teacherId });
      if (filter?.actorSubject) qb.andWhere('a.actor_subject = :actor', { actor: filter.actorSubject });
      if (filter?.from) qb.andWhere('a.recorded_at >= :from', { from: filter.from });
      if (filter?.to) qb.andWhere('a.recorded_at < :to', { to: filter.to });
      return paginate(qb, page);
    }
  }
  return AuditLogResolver;
}
