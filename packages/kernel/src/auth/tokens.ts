import { createRemoteJWKSet, errors as joseErrors, jwtVerify, JWTPayload } from 'jose';
import jwt from 'jsonwebtoken';
import { unauthenticated } from '../errors';
import { Principal, Role, USER_ROLES } from './principal';

/**
 * How user tokens are verified: a shared HS256 secret (development tokens, `npm run token`), an
 * identity provider's RS256 public key, or the provider's JWKS URL (keys fetched, cached and rotated
 * by `jose`). Issuer and audience are checked whenever they are configured, for every kind.
 */
export type UserKey =
  | { readonly kind: 'HS256'; readonly secret: string; readonly issuer?: string; readonly audience?: string }
  | { readonly kind: 'RS256'; readonly publicKey: string; readonly issuer?: string; readonly audience?: string }
  | { readonly kind: 'JWKS'; readonly jwksUrl: string; readonly issuer?: string; readonly audience?: string };

export interface TokenKeys {
  readonly user: UserKey;
  /** the gateway-to-subgraph shared secret; it also signs the internal service tokens */
  readonly gatewaySecret: string;
}

/** Internal service tokens carry this key id, so they are never checked against the users' key. */
const SERVICE_KID = 'tw-internal';
const CLOCK_TOLERANCE_S = 5;

export interface TokenClaims {
  role: Role;
  school?: string;
  teacher?: string;
}

/**
 * Signs a user token with the HS256 secret (development, tests, `npm run token`).
 * @example signUserToken({ subject: 'admin', role: 'DISTRICT_ADMIN' }, secret, '12h')
 */
export function signUserToken(
  p: Principal,
  secret: string,
  expiresIn: jwt.SignOptions['expiresIn'] = '12h',
  claims: { readonly issuer?: string; readonly audience?: string } = {},
): string {
  if (!USER_ROLES.includes(p.role)) throw new Error(`Cannot sign a user token for role ${p.role}`);
  if (p.role === 'SCHOOL_ADMIN' && !p.schoolId) throw new Error('A SCHOOL_ADMIN token needs a school id (--school)');
  if (p.role === 'TEACHER' && !p.teacherId) throw new Error('A TEACHER token needs a teacher id (--teacher)');
  const body: TokenClaims = { role: p.role };
  if (p.schoolId) body.school = p.schoolId;
  if (p.teacherId) body.teacher = p.teacherId;
  return jwt.sign(body, secret, {
    algorithm: 'HS256',
    subject: p.subject,
    expiresIn,
    ...(claims.issuer ? { issuer: claims.issuer } : {}),
    ...(claims.audience ? { audience: claims.audience } : {}),
  });
}

/** Signs a short-lived token a service uses to call another service through the gateway. */
export function signServiceToken(serviceName: string, gatewaySecret: string): string {
  return jwt.sign({ role: Role.SERVICE }, gatewaySecret, {
    algorithm: 'HS256',
    subject: `service:${serviceName}`,
    expiresIn: '5m',
    keyid: SERVICE_KID,
  });
}

/**
 * Signs a token with which a service acts for a user, later than the user's own request (an import
 * job running after the upload): the receiving service applies that user's role and scope, exactly
 * as if the user had called. Signed with the internal secret, so only the platform's services can
 * make one.
 */
export function signDelegatedToken(serviceName: string, gatewaySecret: string, onBehalfOf: Principal, expiresIn: jwt.SignOptions['expiresIn'] = '15m'): string {
  if (!USER_ROLES.includes(onBehalfOf.role)) throw new Error(`Cannot act on behalf of role ${onBehalfOf.role}`);
  const obo: TokenClaims = { role: onBehalfOf.role };
  if (onBehalfOf.schoolId) obo.school = onBehalfOf.schoolId;
  if (onBehalfOf.teacherId) obo.teacher = onBehalfOf.teacherId;
  return jwt.sign({ role: Role.SERVICE, obo: { ...obo, sub: onBehalfOf.subject } }, gatewaySecret, {
    algorithm: 'HS256',
    subject: `service:${serviceName}`,
    expiresIn,
    keyid: SERVICE_KID,
  });
}

/** Turns a verification failure into the UNAUTHENTICATED error a person reads. */
function refusal(e: unknown): Error {
  const err = e as Error & { code?: string; claim?: string };
  if (err.name === 'TokenExpiredError' || err.code === 'ERR_JWT_EXPIRED') return unauthenticated('The bearer token has expired: sign in again');
  if (err.name === 'NotBeforeError') return unauthenticated('The bearer token is not valid yet');
  if (err.code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && err.claim === 'nbf') return unauthenticated('The bearer token is not valid yet');
  return unauthenticated(`The bearer token was refused: ${err.message}`);
}

/** A token without `exp` would never expire: every token must carry one. */
function requireExpiry(payload: { exp?: unknown }): void {
  if (typeof payload.exp !== 'number') throw unauthenticated('The bearer token was refused: it has no expiry (exp); every token must carry one');
}

/**
 * Verifies a bearer token and returns who it speaks for. Refuses unsigned (`alg: none`), expired,
 * not-yet-valid, wrongly signed tokens, tokens without `exp`, a wrong issuer or audience when they
 * are configured, and claims that do not make a principal. Synchronous, for HS256 and RS256 keys;
 * a JWKS key needs `verifyTokenAsync`.
 */
export function verifyToken(token: string, keys: TokenKeys): Principal {
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || typeof decoded.payload === 'string') throw unauthenticated('The bearer token is not a JWT');
  const isService = decoded.header.kid === SERVICE_KID;
  let payload: jwt.JwtPayload;
  try {
    if (isService) {
      payload = jwt.verify(token, keys.gatewaySecret, { algorithms: ['HS256'], clockTolerance: CLOCK_TOLERANCE_S }) as jwt.JwtPayload;
    } else if (keys.user.kind === 'JWKS') {
      throw new Error('this token is verified with the identity provider\'s keys (verifyTokenAsync)');
    } else {
      const opts: jwt.VerifyOptions = { algorithms: [keys.user.kind], clockTolerance: CLOCK_TOLERANCE_S };
      if (keys.user.issuer) opts.issuer = keys.user.issuer;
      if (keys.user.audience) opts.audience = keys.user.audience;
      payload = jwt.verify(token, keys.user.kind === 'HS256' ? keys.user.secret : keys.user.publicKey, opts) as jwt.JwtPayload;
    }
  } catch (e) {
    throw refusal(e);
  }
  requireExpiry(payload);
  return principalFromClaims(payload, isService);
}

// one key set per JWKS URL for the process: jose caches the keys and fetches again on an unknown `kid` (rotation)
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** How long fetched keys are kept, and the least time between two fetches (an unknown kid cannot make us hammer the provider). */
export const JWKS_CACHE = { maxAgeMs: 10 * 60_000, cooldownMs: 30_000, timeoutMs: 5_000 };

function keySetOf(url: string): ReturnType<typeof createRemoteJWKSet> {
  let set = keySets.get(url);
  if (!set) {
    set = createRemoteJWKSet(new URL(url), { cacheMaxAge: JWKS_CACHE.maxAgeMs, cooldownDuration: JWKS_CACHE.cooldownMs, timeoutDuration: JWKS_CACHE.timeoutMs });
    keySets.set(url, set);
  }
  return set;
}

/**
 * `verifyToken` for every kind of key, the JWKS URL of an identity provider included: its keys are
 * fetched with `jose`, cached, and fetched again when a token names a key id not seen yet (the
 * provider rotated its keys). Internal service tokens are still checked against the gateway secret.
 * @example const principal = await verifyTokenAsync(token, keys);
 */
export async function verifyTokenAsync(token: string, keys: TokenKeys): Promise<Principal> {
  const user = keys.user;
  if (user.kind !== 'JWKS') return verifyToken(token, keys);
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || typeof decoded.payload === 'string') throw unauthenticated('The bearer token is not a JWT');
  if (decoded.header.kid === SERVICE_KID) return verifyToken(token, keys);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keySetOf(user.jwksUrl), {
      algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'],
      clockTolerance: CLOCK_TOLERANCE_S,
      requiredClaims: ['exp', 'sub'],
      ...(user.issuer ? { issuer: user.issuer } : {}),
      ...(user.audience ? { audience: user.audience } : {}),
    }));
  } catch (e) {
    if (e instanceof joseErrors.JWTClaimValidationFailed && e.claim === 'exp') throw unauthenticated('The bearer token was refused: it has no expiry (exp); every token must carry one');
    throw refusal(e);
  }
  return principalFromClaims(payload as jwt.JwtPayload, false);
}

function principalFromClaims(payload: jwt.JwtPayload, isService: boolean): Principal {
  const role = payload.role as Role;
  const subject = typeof payload.sub === 'string' ? payload.sub : '';
  if (!subject) throw unauthenticated('The bearer token has no subject (sub)');
  if (isService) {
    if (role !== Role.SERVICE) throw unauthenticated('An internal token must have role SERVICE');
    const obo = payload.obo as (jwt.JwtPayload & TokenClaims) | undefined;
    if (obo && typeof obo === 'object') {
      // a service acting for a user: the user's role and scope apply, and the service is on record
      const user = principalFromClaims({ ...obo, sub: obo.sub }, false);
      return { ...user, actingService: subject };
    }
    return { subject, role };
  }
  if (!USER_ROLES.includes(role)) throw unauthenticated(`The bearer token's role ${JSON.stringify(role)} is not one of ${USER_ROLES.join(', ')}`);
  const schoolId = typeof payload.school === 'string' ? payload.school : undefined;
  const teacherId = typeof payload.teacher === 'string' ? payload.teacher : undefined;
  if (role === 'SCHOOL_ADMIN' && !schoolId) throw unauthenticated('A SCHOOL_ADMIN token must name its school (claim "school")');
  if (role === 'TEACHER' && !teacherId) throw unauthenticated('A TEACHER token must name its teacher (claim "teacher")');
  return {
    subject,
    role,
    ...(role === 'SCHOOL_ADMIN' ? { schoolId } : {}),
    ...(role === 'TEACHER' ? { teacherId } : {}),
  };
}

/** Takes the token out of an `Authorization: Bearer …` header value. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : undefined;
}
