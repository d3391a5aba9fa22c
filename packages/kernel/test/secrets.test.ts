import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, MIN_SECRET_LENGTH, resolveTokenKeys, signServiceToken, signUserToken, verifyToken } from '@tw/kernel';

const GOOD_JWT = 'j'.repeat(MIN_SECRET_LENGTH);
const GOOD_GATEWAY = 'g'.repeat(MIN_SECRET_LENGTH);
const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-kernel-secrets-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error('no ConfigError');
}

describe('resolveTokenKeys in production', () => {
  it('refuses a missing JWT_SECRET, naming the variable', () => {
    const e = configError(() => resolveTokenKeys({ production: true, dataDir: tmp, gatewaySecret: GOOD_GATEWAY }));
    expect(e.message).toContain('JWT_SECRET');
    expect(e.message).toContain(String(MIN_SECRET_LENGTH));
  });

  it('refuses a JWT_SECRET shorter than the minimum', () => {
    const e = configError(() => resolveTokenKeys({ production: true, dataDir: tmp, jwtSecret: GOOD_JWT.slice(1), gatewaySecret: GOOD_GATEWAY }));
    expect(e.message).toContain('JWT_SECRET');
  });

  it('refuses an empty JWT_SECRET', () => {
    expect(configError(() => resolveTokenKeys({ production: true, dataDir: tmp, jwtSecret: '', gatewaySecret: GOOD_GATEWAY })).message).toContain('JWT_SECRET');
  });

  it('refuses a missing or short GATEWAY_SECRET, naming the variable', () => {
    expect(configError(() => resolveTokenKeys({ production: true, dataDir: tmp, jwtSecret: GOOD_JWT })).message).toContain('GATEWAY_SECRET');
    expect(configError(() => resolveTokenKeys({ production: true, dataDir: tmp, jwtSecret: GOOD_JWT, gatewaySecret: 'short' })).message).toContain(
      'GATEWAY_SECRET',
    );
    expect(configError(() => resolveTokenKeys({ production: true, dataDir: tmp, jwtSecret: GOOD_JWT, gatewaySecret: '' })).message).toContain('GATEWAY_SECRET');
  });

  it('never writes development secrets', () => {
    expect(() => resolveTokenKeys({ production: true, dataDir: tmp })).toThrow(ConfigError);
    expect(fs.existsSync(path.join(tmp, 'dev-secrets.json'))).toBe(false);
  });

  it('uses the configured secrets, of exactly the minimum length', () => {
    const keys = resolveTokenKeys({ production: true, dataDir: tmp, jwtSecret: GOOD_JWT, gatewaySecret: GOOD_GATEWAY });
    expect(keys).toEqual({ gatewaySecret: GOOD_GATEWAY, user: { kind: 'HS256', secret: GOOD_JWT } });
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('accepts an RS256 public key in place of JWT_SECRET', () => {
    const keys = resolveTokenKeys({ production: true, dataDir: tmp, jwtPublicKey: publicKey, jwtIssuer: 'https://idp', jwtAudience: 'tw', gatewaySecret: GOOD_GATEWAY });
    expect(keys).toEqual({ gatewaySecret: GOOD_GATEWAY, user: { kind: 'RS256', publicKey, issuer: 'https://idp', audience: 'tw' } });
  });

  it('still requires GATEWAY_SECRET with a public key', () => {
    expect(configError(() => resolveTokenKeys({ production: true, dataDir: tmp, jwtPublicKey: publicKey })).message).toContain('GATEWAY_SECRET');
  });
});

describe('resolveTokenKeys: JWT_PUBLIC_KEY', () => {
  it('reads the key from a file path', () => {
    const file = path.join(tmp, 'idp.pem');
    fs.writeFileSync(file, publicKey);
    const keys = resolveTokenKeys({ production: true, dataDir: tmp, jwtPublicKey: file, gatewaySecret: GOOD_GATEWAY });
    expect(keys.user).toEqual({ kind: 'RS256', publicKey, issuer: undefined, audience: undefined });
  });

  it('turns escaped \\n (as .env files write them) into line breaks', () => {
    const oneLine = publicKey.replace(/\n/g, '\\n');
    expect(oneLine).not.toContain('\n');
    const keys = resolveTokenKeys({ production: true, dataDir: tmp, jwtPublicKey: oneLine, gatewaySecret: GOOD_GATEWAY });
    expect(keys.user).toMatchObject({ kind: 'RS256', publicKey });
  });

  it('refuses a path that cannot be read, naming the variable and the path', () => {
    const missing = path.join(tmp, 'no-such.pem');
    const e = configError(() => resolveTokenKeys({ production: true, dataDir: tmp, jwtPublicKey: missing, gatewaySecret: GOOD_GATEWAY }));
    expect(e.message).toContain('JWT_PUBLIC_KEY');
    expect(e.message).toContain(missing);
  });
});

describe('resolveTokenKeys in development', () => {
  it('creates <dataDir>/dev-secrets.json once, and every call returns the same secrets', () => {
    const dataDir = path.join(tmp, 'nested', 'data');
    const first = resolveTokenKeys({ production: false, dataDir });
    const file = path.join(dataDir, 'dev-secrets.json');
    expect(fs.existsSync(file)).toBe(true);
    const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(first).toEqual({ gatewaySecret: stored.gatewaySecret, user: { kind: 'HS256', secret: stored.jwtSecret } });
    expect(stored.jwtSecret.length).toBeGreaterThanOrEqual(MIN_SECRET_LENGTH);
    expect(stored.gatewaySecret.length).toBeGreaterThanOrEqual(MIN_SECRET_LENGTH);
    expect(stored.jwtSecret).not.toBe(stored.gatewaySecret);

    const mtime = fs.statSync(file).mtimeMs;
    const second = resolveTokenKeys({ production: false, dataDir });
    expect(second).toEqual(first);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
    expect(fs.readdirSync(dataDir)).toEqual(['dev-secrets.json']);
  });

  it('keeps the file private to its owner', () => {
    if (process.platform === 'win32') return;
    resolveTokenKeys({ production: false, dataDir: tmp });
    expect(fs.statSync(path.join(tmp, 'dev-secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('makes different secrets for different data folders', () => {
    const a = resolveTokenKeys({ production: false, dataDir: path.join(tmp, 'a') });
    const b = resolveTokenKeys({ production: false, dataDir: path.join(tmp, 'b') });
    expect(a.gatewaySecret).not.toBe(b.gatewaySecret);
  });

  it('gives keys that sign and verify tokens', () => {
    const keys = resolveTokenKeys({ production: false, dataDir: tmp });
    if (keys.user.kind !== 'HS256') throw new Error('expected HS256');
    const user = signUserToken({ subject: 'admin', role: 'DISTRICT_ADMIN' }, keys.user.secret);
    expect(verifyToken(user, resolveTokenKeys({ production: false, dataDir: tmp }))).toEqual({ subject: 'admin', role: 'DISTRICT_ADMIN' });
    expect(verifyToken(signServiceToken('x', keys.gatewaySecret), keys)).toEqual({ subject: 'service:x', role: 'SERVICE' });
  });

  it('uses configured secrets, even short ones, without writing a file', () => {
    const keys = resolveTokenKeys({ production: false, dataDir: tmp, jwtSecret: 'dev', gatewaySecret: 'gw' });
    expect(keys).toEqual({ gatewaySecret: 'gw', user: { kind: 'HS256', secret: 'dev' } });
    expect(fs.existsSync(path.join(tmp, 'dev-secrets.json'))).toBe(false);
  });

  it('generates only the secret that is missing', () => {
    const keys = resolveTokenKeys({ production: false, dataDir: tmp, jwtSecret: 'configured-jwt' });
    const stored = JSON.parse(fs.readFileSync(path.join(tmp, 'dev-secrets.json'), 'utf8'));
    expect(keys).toEqual({ gatewaySecret: stored.gatewaySecret, user: { kind: 'HS256', secret: 'configured-jwt' } });
  });

  it('treats empty secrets as missing and generates them', () => {
    const keys = resolveTokenKeys({ production: false, dataDir: tmp, jwtSecret: '', gatewaySecret: '' });
    const stored = JSON.parse(fs.readFileSync(path.join(tmp, 'dev-secrets.json'), 'utf8'));
    expect(keys).toEqual({ gatewaySecret: stored.gatewaySecret, user: { kind: 'HS256', secret: stored.jwtSecret } });
  });

  it('uses a public key with a generated gateway secret', () => {
    const keys = resolveTokenKeys({ production: false, dataDir: tmp, jwtPublicKey: publicKey });
    const stored = JSON.parse(fs.readFileSync(path.join(tmp, 'dev-secrets.json'), 'utf8'));
    expect(keys).toEqual({ gatewaySecret: stored.gatewaySecret, user: { kind: 'RS256', publicKey, issuer: undefined, audience: undefined } });
  });

  it('reads a file another process wrote first', () => {
    const theirs = { jwtSecret: 'their-jwt-secret-their-jwt-secret-123', gatewaySecret: 'their-gateway-secret-their-gateway-1' };
    fs.writeFileSync(path.join(tmp, 'dev-secrets.json'), JSON.stringify(theirs));
    expect(resolveTokenKeys({ production: false, dataDir: tmp })).toEqual({ gatewaySecret: theirs.gatewaySecret, user: { kind: 'HS256', secret: theirs.jwtSecret } });
  });

  it('refuses a broken secrets file, naming it and saying to delete it', () => {
    const file = path.join(tmp, 'dev-secrets.json');
    fs.writeFileSync(file, '{"jwtSecret": ""}');
    const e = configError(() => resolveTokenKeys({ production: false, dataDir: tmp }));
    expect(e.message).toContain(file);
    expect(e.message).toContain('delete it');
  });
});
