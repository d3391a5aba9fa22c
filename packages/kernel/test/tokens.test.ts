import { createHmac, generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import jwt from 'jsonwebtoken';
import { AppError, bearerToken, JWKS_CACHE, Principal, signDelegatedToken, signServiceToken, signUserToken, TokenKeys, verifyToken, verifyTokenAsync } from '@tw/kernel';

const USER_SECRET = 'user-secret-user-secret-user-secret-0123';
const GATEWAY_SECRET = 'gateway-secret-gateway-secret-gateway-0123';
const KEYS: TokenKeys = { user: { kind: 'HS256', secret: USER_SECRET }, gatewaySecret: GATEWAY_SECRET };

const now = () => Math.floor(Date.now() / 1000);
const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** A compact JWS built by hand, signed with HMAC-SHA256 over `key` (or unsigned when `key` is null). */
function handmade(header: Record<string, unknown>, payload: Record<string, unknown>, key: string | null): string {
  const input = `${b64url(header)}.${b64url(payload)}`;
  const sig = key === null ? '' : createHmac('sha256', key).update(input).digest('base64url');
  return `${input}.${sig}`;
}

/** Asserts verifyToken refuses `token` with an UNAUTHENTICATED error; returns the message. */
function refused(token: string, keys: TokenKeys = KEYS): string {
  let error: unknown;
  try {
    const p = verifyToken(token, keys);
    throw new Error(`accepted as ${JSON.stringify(p)}`);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).extensions.code).toBe('UNAUTHENTICATED');
  return (error as AppError).message;
}

describe('user tokens (HS256): sign and verify', () => {
  const principals: Principal[] = [
    { subject: 'admin', role: 'DISTRICT_ADMIN' },
    { subject: 'school-admin-1', role: 'SCHOOL_ADMIN', schoolId: 'school-1' },
    { subject: 'teacher-7', role: 'TEACHER', teacherId: 'teacher-7-id' },
    { subject: 'analyst', role: 'ANALYST' },
  ];

  it.each(principals.map((p) => [p.role, p] as const))('round-trips a %s token', (_role, principal) => {
    const token = signUserToken(principal, USER_SECRET, '1h');
    expect(verifyToken(token, KEYS)).toEqual(principal);
  });

  it('signs HS256 tokens with a subject, the role and an expiry', () => {
    const token = signUserToken({ subject: 'sa', role: 'SCHOOL_ADMIN', schoolId: 's1' }, USER_SECRET, '2h');
    const { header, payload } = jwt.decode(token, { complete: true }) as jwt.Jwt & { payload: jwt.JwtPayload };
    expect(header.alg).toBe('HS256');
    expect(header.kid).toBeUndefined();
    expect(payload).toMatchObject({ sub: 'sa', role: 'SCHOOL_ADMIN', school: 's1' });
    expect(payload.exp! - payload.iat!).toBe(2 * 3600);
  });

  it('gives only SCHOOL_ADMIN a school and only TEACHER a teacher', () => {
    const token = signUserToken({ subject: 'a', role: 'DISTRICT_ADMIN', schoolId: 's1', teacherId: 't1' }, USER_SECRET);
    expect(verifyToken(token, KEYS)).toEqual({ subject: 'a', role: 'DISTRICT_ADMIN' });
  });

  it('refuses to sign a SCHOOL_ADMIN token without a school', () => {
    expect(() => signUserToken({ subject: 'sa', role: 'SCHOOL_ADMIN' }, USER_SECRET)).toThrow('A SCHOOL_ADMIN token needs a school id');
  });

  it('refuses to sign a TEACHER token without a teacher', () => {
    expect(() => signUserToken({ subject: 't', role: 'TEACHER' }, USER_SECRET)).toThrow('A TEACHER token needs a teacher id');
  });

  it('refuses to sign a user token for the SERVICE role', () => {
    expect(() => signUserToken({ subject: 'svc', role: 'SERVICE' }, USER_SECRET)).toThrow('Cannot sign a user token for role SERVICE');
  });
});

describe('user tokens (HS256): refusals', () => {
  it('refuses a SCHOOL_ADMIN token without a school claim', () => {
    const token = jwt.sign({ role: 'SCHOOL_ADMIN' }, USER_SECRET, { subject: 'sa', expiresIn: '1h' });
    expect(refused(token)).toContain('SCHOOL_ADMIN token must name its school');
  });

  it('refuses a TEACHER token without a teacher claim, or with a non-string one', () => {
    expect(refused(jwt.sign({ role: 'TEACHER' }, USER_SECRET, { subject: 't', expiresIn: '1h' }))).toContain('TEACHER token must name its teacher');
    expect(refused(jwt.sign({ role: 'TEACHER', teacher: 42 }, USER_SECRET, { subject: 't', expiresIn: '1h' }))).toContain('TEACHER token must name its teacher');
  });

  it('refuses an expired token', () => {
    const token = jwt.sign({ role: 'DISTRICT_ADMIN', exp: now() - 60 }, USER_SECRET, { subject: 'admin' });
    expect(refused(token)).toMatch(/expired/);
  });

  it('refuses a token signed with a negative lifetime', () => {
    const token = signUserToken({ subject: 'admin', role: 'DISTRICT_ADMIN' }, USER_SECRET, -60);
    expect(refused(token)).toMatch(/expired/);
  });

  it('refuses a token not valid until more than 5 s from now', () => {
    const token = jwt.sign({ role: 'DISTRICT_ADMIN', nbf: now() + 60 }, USER_SECRET, { subject: 'admin', expiresIn: '1h' });
    expect(refused(token)).toMatch(/not valid yet/);
  });

  it('accepts a token whose nbf is within the 5 s clock tolerance', () => {
    const token = jwt.sign({ role: 'DISTRICT_ADMIN', nbf: now() + 2 }, USER_SECRET, { subject: 'admin', expiresIn: '1h' });
    expect(verifyToken(token, KEYS)).toEqual({ subject: 'admin', role: 'DISTRICT_ADMIN' });
  });

  it('refuses a token signed with another secret', () => {
    const token = signUserToken({ subject: 'admin', role: 'DISTRICT_ADMIN' }, 'another-secret-another-secret-another');
    expect(refused(token)).toMatch(/invalid signature/);
  });

  it('refuses a user token signed with the gateway secret', () => {
    const token = signUserToken({ subject: 'admin', role: 'DISTRICT_ADMIN' }, GATEWAY_SECRET);
    refused(token);
  });

  it('refuses an unsigned token (alg: none)', () => {
    const token = handmade({ alg: 'none', typ: 'JWT' }, { sub: 'admin', role: 'DISTRICT_ADMIN', iat: now(), exp: now() + 3600 }, null);
    expect(token.endsWith('.')).toBe(true);
    expect(jwt.decode(token)).toMatchObject({ role: 'DISTRICT_ADMIN' });
    refused(token);
  });

  it('refuses an unsigned token even with a signature of the right form appended', () => {
    const good = signUserToken({ subject: 'admin', role: 'DISTRICT_ADMIN' }, USER_SECRET);
    const [, payload, sig] = good.split('.');
    refused(`${b64url({ alg: 'none', typ: 'JWT' })}.${payload}.${sig}`);
  });

  it('refuses an unsigned token claiming to be an internal service token', () => {
    const token = handmade({ alg: 'none', typ: 'JWT', kid: 'tw-internal' }, { sub: 'service:x', role: 'SERVICE', iat: now(), exp: now() + 300 }, null);
    refused(token);
  });

  it('refuses a token with role SERVICE signed with the user secret', () => {
    const token = jwt.sign({ role: 'SERVICE' }, USER_SECRET, { subject: 'service:personnel', expiresIn: '5m' });
    expect(refused(token)).toContain('role "SERVICE" is not one of');
  });

  it('refuses a SERVICE-role token with the internal key id but signed with the user secret', () => {
    const token = jwt.sign({ role: 'SERVICE' }, USER_SECRET, { subject: 'service:personnel', expiresIn: '5m', keyid: 'tw-internal' });
    refused(token);
  });

  it('refuses HS256 tokens with an HS512 signature and a tampered payload', () => {
    refused(jwt.sign({ role: 'DISTRICT_ADMIN' }, USER_SECRET, { subject: 'a', algorithm: 'HS512', expiresIn: '1h' }));
    const good = signUserToken({ subject: 't', role: 'TEACHER', teacherId: 't1' }, USER_SECRET);
    const [h, , s] = good.split('.');
    refused(`${h}.${b64url({ sub: 't', role: 'DISTRICT_ADMIN', iat: now(), exp: now() + 3600 })}.${s}`);
  });

  it('refuses unknown roles and a missing subject', () => {
    expect(refused(jwt.sign({ role: 'ROOT' }, USER_SECRET, { subject: 'a', expiresIn: '1h' }))).toContain('"ROOT"');
    expect(refused(jwt.sign({}, USER_SECRET, { subject: 'a', expiresIn: '1h' }))).toContain('role');
    expect(refused(jwt.sign({ role: 'DISTRICT_ADMIN' }, USER_SECRET, { expiresIn: '1h' }))).toContain('no subject');
  });

  it('refuses text that is not a JWT', () => {
    expect(refused('not-a-jwt')).toContain('not a JWT');
    refused('');
    refused('a.b.c');
  });
});

describe('internal service tokens', () => {
  it('verifies a token from signServiceToken as the SERVICE principal', () => {
    const token = signServiceToken('personnel', GATEWAY_SECRET);
    expect(verifyToken(token, KEYS)).toEqual({ subject: 'service:personnel', role: 'SERVICE' });
  });

  it('lives five minutes and carries the internal key id', () => {
    const { header, payload } = jwt.decode(signServiceToken('personnel', GATEWAY_SECRET), { complete: true }) as jwt.Jwt & {
      payload: jwt.JwtPayload;
    };
    expect(header).toMatchObject({ alg: 'HS256', kid: 'tw-internal' });
    expect(payload.exp! - payload.iat!).toBe(300);
  });

  it('refuses a service token signed with the wrong gateway secret', () => {
    const token = signServiceToken('personnel', 'wrong-gateway-secret-wrong-gateway-secret');
    expect(refused(token)).toMatch(/invalid signature/);
  });

  it('refuses a service token signed with the user secret', () => {
    refused(signServiceToken('personnel', USER_SECRET));
  });

  it('refuses an internal token carrying a user role', () => {
    const token = jwt.sign({ role: 'DISTRICT_ADMIN' }, GATEWAY_SECRET, { subject: 'x', expiresIn: '5m', keyid: 'tw-internal' });
    expect(refused(token)).toContain('must have role SERVICE');
  });

  it('refuses an expired service token', () => {
    const token = jwt.sign({ role: 'SERVICE', exp: now() - 60 }, GATEWAY_SECRET, { subject: 'service:x', keyid: 'tw-internal' });
    expect(refused(token)).toMatch(/expired/);
  });
});

describe('user tokens (RS256, from an identity provider)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const other = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const RS_KEYS: TokenKeys = { user: { kind: 'RS256', publicKey, issuer: 'https://idp.example', audience: 'tw' }, gatewaySecret: GATEWAY_SECRET };
  const rs = (claims: Record<string, unknown>, opts: jwt.SignOptions = {}, key: string = privateKey) =>
    jwt.sign(claims, key, { algorithm: 'RS256', subject: 'u1', issuer: 'https://idp.example', audience: 'tw', expiresIn: '1h', ...opts });

  it('verifies an RS256 token with the public key', () => {
    expect(verifyToken(rs({ role: 'TEACHER', teacher: 't1' }), RS_KEYS)).toEqual({ subject: 'u1', role: 'TEACHER', teacherId: 't1' });
    expect(verifyToken(rs({ role: 'SCHOOL_ADMIN', school: 's1' }), RS_KEYS)).toEqual({ subject: 'u1', role: 'SCHOOL_ADMIN', schoolId: 's1' });
  });

  it('refuses an HS256 token signed with the public key as the secret (algorithm confusion)', () => {
    const token = handmade({ alg: 'HS256', typ: 'JWT' }, { sub: 'u1', role: 'DISTRICT_ADMIN', iss: 'https://idp.example', aud: 'tw', iat: now(), exp: now() + 3600 }, publicKey);
    refused(token, RS_KEYS);
  });

  it('refuses an HS256 token signed with the gateway secret when users are RS256', () => {
    refused(signUserToken({ subject: 'admin', role: 'DISTRICT_ADMIN' }, GATEWAY_SECRET), RS_KEYS);
  });

  it('refuses a token signed by another key, with the wrong issuer or audience, or expired', () => {
    refused(rs({ role: 'DISTRICT_ADMIN' }, {}, other.privateKey), RS_KEYS);
    expect(refused(rs({ role: 'DISTRICT_ADMIN' }, { issuer: 'https://evil.example' }), RS_KEYS)).toContain('issuer');
    expect(refused(rs({ role: 'DISTRICT_ADMIN' }, { audience: 'other' }), RS_KEYS)).toContain('audience');
    const expired = jwt.sign({ role: 'DISTRICT_ADMIN', exp: now() - 60 }, privateKey, { algorithm: 'RS256', subject: 'u1', issuer: 'https://idp.example', audience: 'tw' });
    expect(refused(expired, RS_KEYS)).toMatch(/expired/);
  });

  it('refuses alg none and a SERVICE role from the identity provider', () => {
    refused(handmade({ alg: 'none', typ: 'JWT' }, { sub: 'u1', role: 'DISTRICT_ADMIN', iss: 'https://idp.example', aud: 'tw' }, null), RS_KEYS);
    refused(rs({ role: 'SERVICE' }), RS_KEYS);
  });

  it('still verifies internal service tokens with the gateway secret', () => {
    expect(verifyToken(signServiceToken('reporting', GATEWAY_SECRET), RS_KEYS)).toEqual({ subject: 'service:reporting', role: 'SERVICE' });
  });
});

describe('bearerToken', () => {
  it('takes the token out of an Authorization header', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer   abc.def.ghi  ')).toBe('abc.def.ghi');
  });

  it('returns undefined for no header, other schemes and malformed values', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('')).toBeUndefined();
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBeUndefined();
    expect(bearerToken('Bearer')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
  });
});

describe('delegated tokens (a service acting for a user)', () => {
  const keys = { user: { kind: 'HS256' as const, secret: 'user-secret-user-secret-user-secret-12' }, gatewaySecret: 'gateway-secret-gateway-secret-gateway-1' };

  it("applies the user's role and scope, with the acting service on record", () => {
    const t = signDelegatedToken('importer', keys.gatewaySecret, { subject: 'clerk-1', role: 'SCHOOL_ADMIN', schoolId: 's1' });
    expect(verifyToken(t, keys)).toEqual({ subject: 'clerk-1', role: 'SCHOOL_ADMIN', schoolId: 's1', actingService: 'service:importer' });
  });

  it('is refused when signed with anything but the internal secret', () => {
    const t = signDelegatedToken('importer', 'not-the-gateway-secret-not-the-gateway', { subject: 'x', role: 'DISTRICT_ADMIN' });
    expect(() => verifyToken(t, keys)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }));
  });

  it('still enforces the claims a user token needs', () => {
    const forged = jwt.sign({ role: 'SERVICE', obo: { role: 'SCHOOL_ADMIN', sub: 'x' } }, keys.gatewaySecret, { algorithm: 'HS256', subject: 'service:importer', keyid: 'tw-internal', expiresIn: '5m' });
    expect(() => verifyToken(forged, keys)).toThrow(/school/);
  });
});

describe('token requirements (issue 16, finding 6)', () => {
  it('refuses a token without exp, whichever key signed it', () => {
    const noExp = jwt.sign({ role: 'DISTRICT_ADMIN' }, USER_SECRET, { subject: 'admin' });
    expect(refused(noExp)).toMatch(/no expiry \(exp\)/);
    const service = jwt.sign({ role: 'SERVICE' }, GATEWAY_SECRET, { subject: 'service:x', keyid: 'tw-internal' });
    expect(refused(service)).toMatch(/no expiry/);
  });

  it('checks issuer and audience on HS256 tokens when they are configured, and signs them for npm run token', () => {
    const keys: TokenKeys = { user: { kind: 'HS256', secret: USER_SECRET, issuer: 'https://bureau', audience: 'tw' }, gatewaySecret: GATEWAY_SECRET };
    const good = signUserToken({ subject: 'a', role: 'ANALYST' }, USER_SECRET, '1h', keys.user);
    expect(verifyToken(good, keys)).toEqual({ subject: 'a', role: 'ANALYST' });
    expect(refused(signUserToken({ subject: 'a', role: 'ANALYST' }, USER_SECRET, '1h'), keys)).toMatch(/issuer|audience/);
    expect(refused(signUserToken({ subject: 'a', role: 'ANALYST' }, USER_SECRET, '1h', { issuer: 'https://bureau', audience: 'other' }), keys)).toMatch(/audience/);
  });
});

describe('user tokens verified with a JWKS URL (issue 16, finding 6)', () => {
  const pair = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
  const [first, second] = [pair(), pair()];
  let served: Array<{ kid: string; key: ReturnType<typeof pair> }> = [{ kid: 'k1', key: first }];
  let fetches = 0;
  let server: http.Server;
  let keys: TokenKeys;
  beforeAll(async () => {
    JWKS_CACHE.cooldownMs = 0;
    server = http.createServer((_req, res) => {
      fetches++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: served.map(({ kid, key }) => ({ ...key.publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' })) }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    keys = { user: { kind: 'JWKS', jwksUrl: `http://127.0.0.1:${port}/jwks.json`, issuer: 'https://idp.example', audience: 'tw' }, gatewaySecret: GATEWAY_SECRET };
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const sign = (kid: string, key: ReturnType<typeof pair>, claims: Record<string, unknown> = {}, opts: jwt.SignOptions = {}) =>
    jwt.sign({ role: 'TEACHER', teacher: 't1', ...claims }, key.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string, {
      algorithm: 'RS256',
      keyid: kid,
      subject: 'u1',
      issuer: 'https://idp.example',
      audience: 'tw',
      expiresIn: '1h',
      ...opts,
    });

  it('verifies with the provider’s keys, caches them, and follows a key rotation', async () => {
    await expect(verifyTokenAsync(sign('k1', first), keys)).resolves.toEqual({ subject: 'u1', role: 'TEACHER', teacherId: 't1' });
    await verifyTokenAsync(sign('k1', first), keys);
    expect(fetches).toBe(1);
    // the provider rotates: a token of the new key makes the set be fetched again
    served = [{ kid: 'k2', key: second }];
    await expect(verifyTokenAsync(sign('k2', second), keys)).resolves.toMatchObject({ subject: 'u1' });
    expect(fetches).toBe(2);
  });

  it('refuses a token without exp, of another issuer or audience, or signed by a key the provider does not list', async () => {
    const refusedAsync = async (t: string) => {
      const e = await verifyTokenAsync(t, keys).then(
        () => null,
        (err: AppError) => err,
      );
      expect(e?.extensions.code).toBe('UNAUTHENTICATED');
      return e!.message;
    };
    const noExp = jwt.sign({ role: 'TEACHER', teacher: 't1' }, second.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string, { algorithm: 'RS256', keyid: 'k2', subject: 'u1', issuer: 'https://idp.example', audience: 'tw' });
    expect(await refusedAsync(noExp)).toMatch(/exp/);
    expect(await refusedAsync(sign('k2', second, {}, { issuer: 'https://evil.example' }))).toMatch(/iss/);
    expect(await refusedAsync(sign('k2', second, {}, { audience: 'other' }))).toMatch(/aud/);
    expect(await refusedAsync(sign('k2', first))).toMatch(/refused/);
    // internal service tokens are still checked against the gateway secret
    await expect(verifyTokenAsync(signServiceToken('importer', GATEWAY_SECRET), keys)).resolves.toEqual({ subject: 'service:importer', role: 'SERVICE' });
  });
});
