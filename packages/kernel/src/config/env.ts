import { isIsoDate } from '../clock';
import { ConfigError } from '../errors';

/** How one environment variable is read. Without a fallback and not optional, it must be set. */
export interface EnvVar<T> {
  readonly describe: string;
  readonly fallback?: T;
  readonly optional: boolean;
  parse(raw: string): T;
}

type Spec = Record<string, EnvVar<unknown>>;
type Values<S extends Spec> = { [K in keyof S]: S[K] extends EnvVar<infer T> ? T : never };

function variable<T>(describe: string, parse: (raw: string) => T, fallback?: T): EnvVar<T> {
  return { describe, parse, fallback, optional: false };
}

export const env = {
  string: (fallback?: string) => variable('a non-empty string', (raw) => raw, fallback),
  int: (fallback?: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
    variable(`a whole number from ${min} to ${max}`, (raw) => {
      if (!/^-?\d+$/.test(raw)) throw new Error('not a whole number');
      const n = Number(raw);
      if (n < min || n > max) throw new Error('out of range');
      return n;
    }, fallback),
  port: (fallback?: number) => env.int(fallback, 1, 65535),
  bool: (fallback?: boolean) =>
    variable('one of 1, 0, true, false, yes, no', (raw) => {
      if (/^(1|true|yes)$/i.test(raw)) return true;
      if (/^(0|false|no)$/i.test(raw)) return false;
      throw new Error('not a boolean');
    }, fallback),
  oneOf: <T extends string>(values: readonly T[], fallback?: T) =>
    variable<T>(`one of ${values.join(', ')}`, (raw) => {
      if (!values.includes(raw as T)) throw new Error('not an allowed value');
      return raw as T;
    }, fallback),
  url: (protocols: readonly string[], fallback?: string) =>
    variable(`a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`, (raw) => {
      if (!protocols.includes(new URL(raw).protocol)) throw new Error('wrong protocol');
      return raw;
    }, fallback),
  /** A calendar day written YYYY-MM-DD. */
  date: (fallback?: string) =>
    variable('a day written YYYY-MM-DD', (raw) => {
      if (!isIsoDate(raw)) throw new Error('not a day');
      return raw;
    }, fallback),
  /** Makes a variable optional: unset reads as `undefined`. */
  optional: <T>(v: EnvVar<T>): EnvVar<T | undefined> => ({ ...v, fallback: undefined, optional: true }),
};

/** Keeps secrets out of error messages: secret-named variables hidden, URL passwords masked. */
function redact(name: string, raw: string): string {
  if (/SECRET|PASSWORD|PRIVATE|TOKEN/i.test(name)) return '(hidden)';
  return raw.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}

/**
 * Reads the variables a process needs, all at once, and fails fast naming every variable that is wrong.
 * Empty strings count as unset.
 * @example const cfg = readEnv({ PORT: env.port(4001) }); // cfg.PORT: number
 */
export function readEnv<S extends Spec>(spec: S, source: NodeJS.ProcessEnv = process.env): Values<S> {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, v] of Object.entries(spec)) {
    const raw = source[name];
    if (raw === undefined || raw.trim() === '') {
      if (v.fallback === undefined && !v.optional) problems.push(`${name} is not set: it must be ${v.describe}`);
      out[name] = v.fallback;
      continue;
    }
    try {
      out[name] = v.parse(raw.trim());
    } catch {
      problems.push(`${name}=${JSON.stringify(redact(name, raw))} is invalid: it must be ${v.describe}`);
    }
  }
  if (problems.length) throw new ConfigError(`Configuration error:\n  ${problems.join('\n  ')}\nSee .env.example.`);
  return out as Values<S>;
}
