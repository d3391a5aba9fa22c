import type { AuthChecker } from 'type-graphql';
import { Principal, Role } from '../auth/principal';
import type { Clock } from '../clock';
import { forbidden, unauthenticated } from '../errors';
import type { LookupWatch } from '../lookup-watch';

/** What every resolver of every service receives. Services add their loaders to it. */
export interface BaseContext {
  readonly principal: Principal | null;
  readonly requestId: string;
  /** what "now" and "today" are for this request: the service's clock (BUSINESS_DATE can pin the day) */
  readonly clock: Clock;
  /** the service's enumeration signal (set by startService) */
  readonly lookups?: LookupWatch;
}

/** The signed-in principal, or an UNAUTHENTICATED error. */
export function requirePrincipal(ctx: BaseContext): Principal {
  if (!ctx.principal) throw unauthenticated();
  return ctx.principal;
}

/** The principal when it has one of `roles` (SERVICE always passes); otherwise FORBIDDEN. */
export function requireRole(ctx: BaseContext, ...roles: Role[]): Principal {
  const p = requirePrincipal(ctx);
  if (p.role !== 'SERVICE' && !roles.includes(p.role)) {
    throw forbidden(`This needs one of the roles ${roles.join(', ')}; your token has ${p.role}`);
  }
  return p;
}

/**
 * type-graphql's check for `@Authorized(...)`: no roles listed means any signed-in principal;
 * otherwise one of the roles. Internal SERVICE principals pass every check.
 */
export const authChecker: AuthChecker<BaseContext> = ({ context }, roles) => {
  if (roles.length === 0) {
    requirePrincipal(context);
    return true;
  }
  requireRole(context, ...(roles as Role[]));
  return true;
};

/** Whom a list of records about teachers is narrowed to: all, the records of one school, or one teacher's. */
export type RecordScope = { all: true } | { schoolId: string } | { teacherId: string };

/**
 * The records about teachers a principal may list: all for DISTRICT_ADMIN (and services), their
 * school's for SCHOOL_ADMIN (by the school stored on each record), their own for TEACHER; ANALYST reads
 * aggregates only. A SCHOOL_ADMIN asking for another school is refused rather than silently narrowed.
 */
export function recordScope(ctx: BaseContext, requestedSchoolId?: string | null): RecordScope {
  const p = requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'TEACHER');
  if (p.role === 'SCHOOL_ADMIN') {
    if (requestedSchoolId && requestedSchoolId !== p.schoolId) {
      throw forbidden(`A SCHOOL_ADMIN token reads only its own school's records (school ${p.schoolId}); asked for school ${requestedSchoolId}`);
    }
    return { schoolId: p.schoolId! };
  }
  if (p.role === 'TEACHER') return { teacherId: p.teacherId! };
  return { all: true };
}
