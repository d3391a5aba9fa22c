import { bearerToken, Principal, TokenKeys, verifyTokenAsync } from '@tw/kernel';
import type express from 'express';

/** One bucket's size and refill: `burst` requests at once, then `perSecond` a second. */
export interface BucketRate {
  readonly perSecond: number;
  readonly burst: number;
}

/** The request budget: per token subject and per client address, both must have a token left. */
export interface BudgetSettings {
  readonly perSubject: BucketRate;
  readonly perAddress: BucketRate;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets by key. `take(key)` answers 0 when a request may go, else the seconds until it may.
 * The clock is an input (tests pin it). Full, idle buckets are dropped when the map grows, so memory
 * stays bounded by the clients of the last few seconds.
 * @example const b = new TokenBuckets({ perSecond: 10, burst: 20 }); if (b.take('sub:alice') > 0) refuse();
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly rate: BucketRate,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 50_000,
  ) {}

  take(key: string): number {
    const t = this.now();
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= this.maxKeys) this.prune(t);
      b = { tokens: this.rate.burst, at: t };
      this.buckets.set(key, b);
    } else {
      b.tokens = Math.min(this.rate.burst, b.tokens + ((t - b.at) / 1000) * this.rate.perSecond);
      b.at = t;
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return (1 - b.tokens) / this.rate.perSecond;
  }

  /** gives back a token taken by a request another bucket refused */
  refund(key: string): void {
    const b = this.buckets.get(key);
    if (b) b.tokens = Math.min(this.rate.burst, b.tokens + 1);
  }

  private prune(t: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((t - b.at) / 1000) * this.rate.perSecond >= this.rate.burst) this.buckets.delete(key);
    }
    // everyone is active: forget the oldest rather than grow without bound
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The gateway's request budget as Express middleware, for /graphql and the forwarded import, report
 * and export routes. A request spends one token of its client address's bucket and, when its bearer
 * token verifies, one of its subject's bucket; an unverified token counts only against the address,
 * so no one can spend another user's budget by writing their subject into a forged token. The
 * platform's own service tokens and delegated tokens (signed with the gateway secret: an import job's
 * batches act for the uploader) are not budgeted: the upload itself was. Over budget:
 * 429 with `Retry-After` in whole seconds and the code RATE_LIMITED.
 */
export function requestBudget(settings: BudgetSettings, keys: TokenKeys, now: () => number = Date.now): express.RequestHandler {
  const subjects = new TokenBuckets(settings.perSubject, now);
  const addresses = new TokenBuckets(settings.perAddress, now);
  return async (req, res, next) => {
    let principal: Principal | undefined;
    const token = bearerToken(req.header('authorization'));
    if (token) {
      try {
        principal = await verifyTokenAsync(token, keys);
      } catch {
        principal = undefined;
      }
    }
    // the platform's own calls (service tokens, and a service acting for a user: an import's batches) are signed with the gateway secret
    if (principal?.role === 'SERVICE' || principal?.actingService) return next();
    const remote = req.socket.remoteAddress ?? 'unknown';
    // the gateway's own calls for a user (the report export asks /graphql with the caller's token) come from
    // loopback: they spend the user's budget, not one address's shared by every user
    const address = principal && LOOPBACK.has(remote) ? null : `addr:${remote}`;
    let wait = address ? addresses.take(address) : 0;
    if (wait === 0 && principal) {
      const subject = `sub:${principal.subject}`;
      wait = subjects.take(subject);
      if (wait > 0 && address) addresses.refund(address);
    }
    if (wait === 0) return next();
    const seconds = Math.max(1, Math.ceil(wait));
    res.setHeader('Retry-After', String(seconds));
    res.status(429).json({ errors: [{ message: `Too many requests: try again in ${seconds} s`, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds } }] });
  };
}
