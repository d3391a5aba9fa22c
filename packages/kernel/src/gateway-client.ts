import { signServiceToken } from './auth/tokens';
import { AppError, ErrorCode } from './errors';
import { currentRequestScope } from './request-scope';
import { REQUEST_ID_HEADER } from './services';
import { injectTraceHeaders } from './telemetry/tracing';

export interface GatewayClientOptions {
  /** the gateway's /graphql URL */
  readonly url: string;
  /** the calling service's name (the token's subject is service:<name>) */
  readonly serviceName: string;
  /** signs the internal service token */
  readonly gatewaySecret: string;
  readonly timeoutMs?: number;
}

/**
 * How a service asks another service something: a GraphQL request through the gateway with a
 * short-lived internal service token (role SERVICE), never a read of another service's tables.
 * @example const data = await gateway.request<{ teachersByIds: … }>('query($ids: [ID!]!) { teachersByIds(ids: $ids) { id } }', { ids });
 */
export class GatewayClient {
  private token?: { value: string; expires: number };

  constructor(private readonly o: GatewayClientOptions) {}

  private bearer(): string {
    const now = Date.now();
    if (!this.token || this.token.expires < now + 30_000) {
      this.token = { value: signServiceToken(this.o.serviceName, this.o.gatewaySecret), expires: now + 5 * 60_000 };
    }
    return this.token.value;
  }

  async request<D>(query: string, variables?: Record<string, unknown>): Promise<D> {
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${this.bearer()}` };
    const requestId = currentRequestScope()?.requestId;
    if (requestId) headers[REQUEST_ID_HEADER] = requestId;
    injectTraceHeaders((k, v) => (headers[k] = v));
    let res: Response;
    try {
      res = await fetch(this.o.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.o.timeoutMs ?? 15_000),
      });
    } catch (e) {
      throw new AppError(ErrorCode.UNAVAILABLE, `The gateway (${this.o.url}) could not be reached: ${(e as Error).message}`);
    }
    const body = (await res.json().catch(() => ({}))) as { data?: D; errors?: Array<{ message: string; path?: unknown[] }> };
    if (body.errors?.length || !body.data) {
      const detail = body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${res.status}`;
      throw new AppError(ErrorCode.UNAVAILABLE, `A call through the gateway failed: ${detail}`);
    }
    return body.data;
  }
}

/** What services need to know of a teacher that personnel owns, fetched by id through the gateway. */
export interface TeacherDirectoryEntry {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly school: { readonly id: string; readonly sponsor: string };
}

/** Looks up teachers by id in personnel (in one request per 1,000 ids); null where personnel knows none. */
export async function lookupTeachers(gateway: GatewayClient, ids: readonly string[]): Promise<Map<string, TeacherDirectoryEntry>> {
  const out = new Map<string, TeacherDirectoryEntry>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 1000) {
    const chunk = unique.slice(i, i + 1000);
    const data = await gateway.request<{ teachersByIds: Array<TeacherDirectoryEntry | null> }>(
      'query TeacherDirectory($ids: [ID!]!) { teachersByIds(ids: $ids) { id name status school { id sponsor } } }',
      { ids: chunk },
    );
    for (const t of data.teachersByIds) if (t) out.set(t.id, t);
  }
  return out;
}
