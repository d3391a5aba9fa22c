import type { AuthChecker } from 'type-graphql';
import { Principal, Role } from '../auth/principal';
import { forbidden, unauthenticated } from '../errors';

/** What every resolver of every service receives. Services add their loaders to it. */
export interface BaseContext {
  readonly principal: Principal | null;
  readonly requestId: string;
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
