import type { Principal } from './auth/principal';
import type { Logger } from './logger';

export interface LookupWatchSettings {
  /** refused or empty ID-number lookups by one token subject within the window that make a security event */
  readonly threshold: number;
  readonly windowMs: number;
}

export const DEFAULT_LOOKUP_WATCH: LookupWatchSettings = { threshold: 50, windowMs: 10 * 60_000 };

interface Window {
  start: number;
  misses: number;
  reported: boolean;
}

/**
 * The enumeration signal: counts, per token subject, lookups of ID numbers that found nothing the
 * caller may read (a null `teacherByIdNumber`, a refused bulk row naming a number) and logs one
 * security event a window when a subject passes the threshold. Answers stay the same (an oracle must
 * not appear in the answer either); the log is for whoever watches the platform. The clock is an input.
 * @example ctx.lookups?.miss(principal, 3, 'teachersByIdNumber');
 */
export class LookupWatch {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly logger: Logger,
    private readonly settings: LookupWatchSettings = DEFAULT_LOOKUP_WATCH,
    private readonly now: () => number = Date.now,
  ) {}

  miss(principal: Principal | null, count: number, route: string): void {
    if (!principal || count <= 0) return;
    const t = this.now();
    const key = principal.subject;
    let w = this.windows.get(key);
    if (!w || t - w.start >= this.settings.windowMs) {
      if (!w && this.windows.size >= 10_000) this.windows.clear();
      w = { start: t, misses: 0, reported: false };
      this.windows.set(key, w);
    }
    w.misses += count;
    if (w.misses >= this.settings.threshold && !w.reported) {
      w.reported = true;
      this.logger.warn('security event: ID-number lookups that found nothing, many in a short time', {
        event: 'ID_NUMBER_ENUMERATION',
        subject: principal.subject,
        role: principal.role,
        ...(principal.schoolId ? { school: principal.schoolId } : {}),
        ...(principal.actingService ? { actingService: principal.actingService } : {}),
        misses: w.misses,
        windowSeconds: Math.round(this.settings.windowMs / 1000),
        route,
      });
    }
  }
}

/** The bulk answers that mean "a number or teacher the caller may not use": the enumeration signal counts them. */
const MISS_CODES = new Set(['TEACHER_NOT_FOUND', 'ID_NUMBER_UNAVAILABLE']);

/**
 * Counts a bulk answer's rows refused for naming a teacher the caller may not use, then returns the
 * answer unchanged.
 * @example return watchBulk(ctx, await runBulk(...), 'upsertHires');
 */
export async function watchBulk<R extends { rows: ReadonlyArray<{ code?: string | null }> }>(
  ctx: { principal: Principal | null; lookups?: LookupWatch },
  result: R | Promise<R>,
  route: string,
): Promise<R> {
  const r = await result;
  ctx.lookups?.miss(ctx.principal, r.rows.filter((row) => !!row.code && MISS_CODES.has(row.code)).length, route);
  return r;
}
