/** What the gateway keeps per request: the caller's Authorization header and the request id. */
export interface GatewayContext {
  readonly authorization?: string;
  readonly requestId: string;
  /** the import job the request writes for (the importer's x-import-job header, passed on as it came) */
  readonly importJob?: string;
}
