/** What the gateway keeps per request: the caller's Authorization header and the request id. */
export interface GatewayContext {
  readonly authorization?: string;
  readonly requestId: string;
}
