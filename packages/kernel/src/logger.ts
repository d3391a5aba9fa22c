import { currentRequestScope } from './request-scope';
import { currentTraceId } from './telemetry/tracing';

/**
 * Structured JSON log lines on stderr, one object a line, with personal data and secrets redacted.
 * A line written while a request is served carries its request id, and its trace id when tracing is on.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

// What must never reach a log: tokens, ID numbers, money. Keys are matched by name, strings by shape.
const SECRET_KEY = /token|secret|password|authorization|cookie|id_?number|idnumber|pay|income|salary|subsidy|amount|yuan|fen/i;
const JWT = /\beyJ[\w-]+\.[\w-]+\.[\w-]*/g;
const BEARER = /\bBearer\s+\S+/gi;
const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?!\d)/g;
const URL_PASSWORD = /(\/\/[^:/@\s]*:)[^@/\s]+@/g;

/** A copy of a log value with secrets and personal data replaced. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    return value.replace(JWT, '[token]').replace(BEARER, 'Bearer [token]').replace(ID_NUMBER, '[id-number]').replace(URL_PASSWORD, '$1***@');
  }
  if (value === null || typeof value !== 'object' || depth > 6) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Error) return redact({ name: value.name, message: value.message }, depth + 1);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? '[redacted]' : redact(v, depth + 1);
  return out;
}

/** Under jest (NODE_ENV=test) only warnings and errors are written unless a level is given. */
const DEFAULT_LEVEL: Level = process.env.NODE_ENV === 'test' ? 'warn' : 'info';

export function createLogger(service: string, level: Level = DEFAULT_LEVEL, write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const emit = (lvl: Level, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const requestId = currentRequestScope()?.requestId;
    const traceId = currentTraceId();
    const entry = {
      time: new Date().toISOString(),
      level: lvl,
      service,
      ...(requestId ? { requestId } : {}),
      ...(traceId ? { traceId } : {}),
      msg: redact(msg),
      ...(fields ? (redact(fields) as Record<string, unknown>) : {}),
    };
    write(`${JSON.stringify(entry)}\n`);
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}
