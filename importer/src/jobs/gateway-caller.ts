import { injectTraceHeaders, Principal, REQUEST_ID_HEADER, signDelegatedToken } from '@tw/kernel';

/** A GraphQL call the gateway or a subgraph refused as a whole (FORBIDDEN, BAD_USER_INPUT…). */
export class GatewayCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'GatewayCallError';
  }
}

/** How the importer calls the platform: GraphQL requests to the gateway. */
export interface GraphQLCaller {
  request<D>(query: string, variables?: Record<string, unknown>): Promise<D>;
}

/**
 * Calls the gateway acting for the user who started the import (a delegated token, renewed before
 * it expires), so every access rule of the subgraphs applies to the import as to the user.
 */
export class DelegatedGatewayCaller implements GraphQLCaller {
  private token?: { value: string; expires: number };

  constructor(
    private readonly o: { url: string; gatewaySecret: string; principal: Principal; requestId: string; timeoutMs?: number },
  ) {}

  private bearer(): string {
    const now = Date.now();
    if (!this.token || this.token.expires < now + 60_000) {
      this.token = { value: signDelegatedToken('importer', this.o.gatewaySecret, this.o.principal, '15m'), expires: now + 15 * 60_000 };
    }
    return this.token.value;
  }

  async request<D>(query: string, variables?: Record<string, unknown>): Promise<D> {
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${this.bearer()}`, [REQUEST_ID_HEADER]: this.o.requestId };
    injectTraceHeaders((k, v) => (headers[k] = v));
    let res: Response;
    try {
      res = await fetch(this.o.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.o.timeoutMs ?? 300_000),
      });
    } catch (e) {
      throw new GatewayCallError('GATEWAY_UNREACHABLE', `无法连接网关（${this.o.url}）：${(e as Error).message}`);
    }
    const text = await res.text();
    let body: { data?: D; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new GatewayCallError('GATEWAY_ERROR', `网关返回了无法解析的应答（HTTP ${res.status}）：${text.slice(0, 200)}`);
    }
    if (body.errors?.length || !body.data) {
      const first = body.errors?.[0];
      throw new GatewayCallError(first?.extensions?.code ?? 'GATEWAY_ERROR', first?.message ?? `HTTP ${res.status}`);
    }
    return body.data;
  }
}
