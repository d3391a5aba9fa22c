import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors';
import { TokenKeys } from './tokens';

export const MIN_SECRET_LENGTH = 32;

export interface SecretSettings {
  readonly production: boolean;
  readonly dataDir: string;
  readonly jwtSecret?: string;
  /** PEM text, or a path to a PEM file */
  readonly jwtPublicKey?: string;
  /** the identity provider's JWKS URL (keys fetched, cached and rotated) */
  readonly jwtJwksUrl?: string;
  readonly jwtIssuer?: string;
  readonly jwtAudience?: string;
  readonly gatewaySecret?: string;
}

interface DevSecrets {
  jwtSecret: string;
  gatewaySecret: string;
}

/**
 * The keys every process verifies tokens with. In production both must be configured; in development
 * a missing secret is generated once and kept in `<dataDir>/dev-secrets.json`, so every process and
 * `npm run token` agree.
 */
export function resolveTokenKeys(s: SecretSettings): TokenKeys {
  const publicKey = s.jwtPublicKey ? readPem(s.jwtPublicKey) : undefined;
  if (s.production) {
    if (!publicKey && !s.jwtJwksUrl && (!s.jwtSecret || s.jwtSecret.length < MIN_SECRET_LENGTH)) {
      throw new ConfigError(
        `In production JWT_SECRET must be set to at least ${MIN_SECRET_LENGTH} characters, or JWT_PUBLIC_KEY to an RS256 public key, or JWT_JWKS_URL to the identity provider's key set`,
      );
    }
    if (!s.gatewaySecret || s.gatewaySecret.length < MIN_SECRET_LENGTH) {
      throw new ConfigError(`In production GATEWAY_SECRET must be set to at least ${MIN_SECRET_LENGTH} characters`);
    }
  }
  if (publicKey && s.jwtJwksUrl) throw new ConfigError('Set JWT_PUBLIC_KEY or JWT_JWKS_URL, not both');
  const dev = (!s.jwtSecret && !publicKey && !s.jwtJwksUrl) || !s.gatewaySecret ? devSecrets(s.dataDir) : undefined;
  const gatewaySecret = s.gatewaySecret || dev!.gatewaySecret;
  // issuer and audience are checked for every kind of key when they are set
  const claims = { ...(s.jwtIssuer ? { issuer: s.jwtIssuer } : {}), ...(s.jwtAudience ? { audience: s.jwtAudience } : {}) };
  if (s.jwtJwksUrl) return { gatewaySecret, user: { kind: 'JWKS', jwksUrl: s.jwtJwksUrl, ...claims } };
  if (publicKey) return { gatewaySecret, user: { kind: 'RS256', publicKey, ...claims } };
  return { gatewaySecret, user: { kind: 'HS256', secret: s.jwtSecret || dev!.jwtSecret, ...claims } };
}

function readPem(value: string): string {
  if (value.includes('-----BEGIN')) return value.replace(/\\n/g, '\n');
  try {
    return fs.readFileSync(value, 'utf8');
  } catch {
    throw new ConfigError(`JWT_PUBLIC_KEY must be a PEM public key or the path of a file holding one; cannot read "${value}"`);
  }
}

function devSecrets(dataDir: string): DevSecrets {
  const file = path.resolve(dataDir, 'dev-secrets.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    const fresh: DevSecrets = { jwtSecret: randomBytes(32).toString('base64url'), gatewaySecret: randomBytes(32).toString('base64url') };
    // 'wx' fails if another process created the file first; then we read theirs.
    fs.writeFileSync(file, JSON.stringify(fresh, null, 2), { flag: 'wx', mode: 0o600 });
    return fresh;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  for (let attempt = 0; ; attempt++) {
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as DevSecrets;
      if (parsed.jwtSecret && parsed.gatewaySecret) return parsed;
    } catch {
      // another process may be halfway through writing it
    }
    if (attempt > 50) throw new ConfigError(`${file} is not a valid secrets file: delete it to have it made again`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
}
