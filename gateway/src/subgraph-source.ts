import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GATEWAY_SECRET_HEADER, REQUEST_ID_HEADER } from '@tw/kernel';
import type { GatewayContext } from './context';

/**
 * How the gateway calls a subgraph: the caller's bearer token forwarded as is, the gateway's secret
 * proving the call came through here, the request id for the logs, and a time limit per fetch.
 * Node's fetch keeps connections to the subgraphs alive between requests.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, private readonly gatewaySecret: string, private readonly timeoutMs: number) {
    super({
      url,
      fetcher: ((input: string, init?: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(this.timeoutMs) })) as never,
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http!.headers;
    headers.set(GATEWAY_SECRET_HEADER, this.gatewaySecret);
    if (context?.authorization) headers.set('authorization', context.authorization);
    if (context?.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}
