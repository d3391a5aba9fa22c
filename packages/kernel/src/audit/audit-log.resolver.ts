import { Arg, Args, ClassType, Ctx, Field, ID, InputType, Query, Resolver } from 'type-graphql';
import { DataSource } from 'typeorm';
import { forbidden } from '../errors';
import { requirePrincipal, BaseContext } from '../graphql/context';
import { ConnectionType, PageArgs, paginate } from '../graphql/pagination';
import { LocalDate } from '../graphql/scalars';
import { chinaDayStart } from '../clock';
import { AuditEntry } from './audit-entry.entity';

const DAY_MS = 24 * 3600_000;

/**
 * Filters of an audit log, the same for every service's. Days are the users' calendar (UTC+8), as a
 * person asks "what changed on 6 May"; `from`/`to` are instants, for a tool that follows the log.
 */
@InputType({ description: 'Filters of an audit log (the same for every service)' })
export class AuditFilter {
  @Field({ nullable: true, description: 'kind of record (teacher, pay_record, ethics_assessment, …)' }) entity?: string;
  @Field(() => ID, { nullable: true }) entityId?: string;
  @Field(() => ID, { nullable: true }) teacherId?: string;
  @Field({ nullable: true, description: 'the token subject that wrote' }) actorSubject?: string;
  @Field(() => LocalDate, { nullable: true, description: 'written on or after this day (China time, UTC+8)' }) fromDay?: string;
  @Field(() => LocalDate, { nullable: true, description: 'written on or before this day (China time, UTC+8)' }) toDay?: string;
  @Field({ nullable: true, description: 'written at or after this instant' }) from?: Date;
  @Field({ nullable: true, description: 'written before this instant' }) to?: Date;
}

export const AuditEntryConnection = ConnectionType(AuditEntry, 'AuditEntry', { shareable: true });

/** What a service's context gives the audit query: its data source. */
export interface AuditContext extends BaseContext {
  readonly ds: DataSource;
}

/**
 * The query that reads a service's audit log, named per service (personnelAuditLog, …), oldest
 * first, for DISTRICT_ADMIN only. There is no mutation on the log.
 * @example resolvers: [..., auditLogResolver('personnelAuditLog', 'personnel')]
 */
export function auditLogResolver(queryName: string, serviceTitle: string): ClassType {
  @Resolver()
  class AuditLogResolver {
    @Query(() => AuditEntryConnection, { name: queryName, description: `Every write to the ${serviceTitle} data, oldest first (DISTRICT_ADMIN)` })
    async auditLog(@Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | null, @Args() page: PageArgs, @Ctx() ctx: AuditContext) {
      const p = requirePrincipal(ctx);
      // not even an internal service reads who changed what: only the district's administrators
      if (p.role !== 'DISTRICT_ADMIN') throw forbidden(`The audit log is for DISTRICT_ADMIN only; your token has ${p.role}`);
      const qb = ctx.ds.getRepository(AuditEntry).createQueryBuilder('a');
      if (filter?.entity) qb.andWhere('a.entity = :entity', { entity: filter.entity });
      if (filter?.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
      if (filter?.teacherId) qb.andWhere('a.teacher_id = :teacherId', { teacherId: filter.teacherId });
      if (filter?.actorSubject) qb.andWhere('a.actor_subject = :actor', { actor: filter.actorSubject });
      if (filter?.fromDay) qb.andWhere('a.recorded_at >= :fromDay', { fromDay: chinaDayStart(filter.fromDay) });
      if (filter?.toDay) qb.andWhere('a.recorded_at < :toDay', { toDay: new Date(chinaDayStart(filter.toDay).getTime() + DAY_MS) });
      if (filter?.from) qb.andWhere('a.recorded_at >= :from', { from: filter.from });
      if (filter?.to) qb.andWhere('a.recorded_at < :to', { to: filter.to });
      return paginate(qb, page);
    }
  }
  return AuditLogResolver;
}
