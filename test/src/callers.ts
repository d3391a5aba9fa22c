/**
 * Raw HTTP callers of a GraphQL endpoint for the process tests: what came back whatever it is
 * (status, content type, text), for fuzzing, error pages and searching an answer for what must not
 * be in it.
 */
import type { GraphQLAnswer } from '@tw/kernel/testing';

export interface RawAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  /** the parsed body when it is JSON */
  readonly body?: { data?: unknown; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>; [k: string]: unknown };
}

/**
 * Posts a request body to a GraphQL endpoint and returns what came back, whatever it is (fuzzing,
 * error pages). `headers` may carry the bearer token and the gateway secret.
 */
export async function postRaw(url: string, body: string, headers: Record<string, string> = {}, timeoutMs = 30_000): Promise<RawAnswer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  let parsed: RawAnswer['body'];
  try {
    parsed = JSON.parse(text) as RawAnswer['body'];
  } catch {
    parsed = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, body: parsed };
}

/** A GraphQL answer with the HTTP status and the body's text (to search it for what must not be there). */
export type Answer<D = GraphQLAnswer['data']> = GraphQLAnswer<D> & { text: string };

/**
 * A GraphQL caller for one endpoint with a bearer token (and the gateway secret, to call a subgraph
 * straight): returns the parsed answer and the HTTP status.
 * @example const gql = caller(p.gatewayUrl, p.token(admin)); const r = await gql('{ schools { totalCount } }');
 */
export function caller(url: string, token?: string, gatewaySecret?: string) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (gatewaySecret) headers['x-gateway-secret'] = gatewaySecret;
  return async <D = GraphQLAnswer['data']>(query: string, variables?: Record<string, unknown>, more: Record<string, string> = {}): Promise<Answer<D>> => {
    const r = await postRaw(url, JSON.stringify({ query, variables }), { ...headers, ...more });
    if (!r.body) throw new Error(`${url} answered ${r.status} ${r.contentType} without a JSON body: ${r.text.slice(0, 300)}`);
    return { ...(r.body as Omit<GraphQLAnswer<D>, 'status'>), status: r.status, text: r.text };
  };
}
