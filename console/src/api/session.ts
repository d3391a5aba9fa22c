/**
 * Who is signed in: the bearer token, kept in this origin's localStorage (the IDE at /graphql reads
 * the same one), and what its claims say. The claims are read, not verified: every service verifies
 * the token itself; the console only decides what to show.
 */
export type Role = 'DISTRICT_ADMIN' | 'SCHOOL_ADMIN' | 'TEACHER' | 'ANALYST';
export const ROLES: readonly Role[] = ['DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'TEACHER', 'ANALYST'];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  DISTRICT_ADMIN: '区教育局管理员',
  SCHOOL_ADMIN: '学校管理员（填报员）',
  TEACHER: '教师',
  ANALYST: '数据分析员',
};

export interface Session {
  readonly token: string;
  readonly role: Role;
  readonly subject: string;
  readonly schoolId?: string;
  readonly teacherId?: string;
  /** milliseconds since the epoch; undefined when the token has no exp */
  readonly expiresAt?: number;
}

export const TOKEN_KEY = 'tw.console.token';

function base64UrlDecode(s: string): string {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(s.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * The session a token speaks for, or null when it is not a JWT with a role this console knows.
 * @example decodeToken(token)?.role // 'SCHOOL_ADMIN'
 */
export function decodeToken(token: string): Session | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const claims = JSON.parse(base64UrlDecode(parts[1])) as { role?: unknown; sub?: unknown; school?: unknown; teacher?: unknown; exp?: unknown };
    if (typeof claims.role !== 'string' || !(ROLES as readonly string[]).includes(claims.role)) return null;
    return {
      token: token.trim(),
      role: claims.role as Role,
      subject: typeof claims.sub === 'string' ? claims.sub : '',
      schoolId: typeof claims.school === 'string' ? claims.school : undefined,
      teacherId: typeof claims.teacher === 'string' ? claims.teacher : undefined,
      expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : undefined,
    };
  } catch {
    return null;
  }
}

/** The stored session, unless it has expired (then it is forgotten). */
export function readSession(now = Date.now()): Session | null {
  const token = globalThis.localStorage?.getItem(TOKEN_KEY);
  if (!token) return null;
  const s = decodeToken(token);
  if (!s || (s.expiresAt !== undefined && s.expiresAt <= now)) {
    localStorage.removeItem(TOKEN_KEY);
    return null;
  }
  return s;
}

export function saveToken(token: string): Session | null {
  const s = decodeToken(token);
  if (s) localStorage.setItem(TOKEN_KEY, s.token);
  return s;
}

export function signOut(): void {
  localStorage.removeItem(TOKEN_KEY);
}
