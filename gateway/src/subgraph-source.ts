import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { currentRequestScope, GATEWAY_SECRET_HEADER, IMPORT_JOB_HEADER, injectTraceHeaders, Logger, REQUEST_ID_HEADER, subgraphFetchDuration, subgraphFetchErrors } from '@tw/kernel';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context';

export interface SubgraphSourceOptions {
  /** the subgraph's name, so that an error says which service's fields are missing */
  readonly name?: string;
  /** where the cause of a failed fetch is logged (it names internal hosts, so it is never answered) */
  readonly logger?: Logger;
  /** a subgraph answer larger than this (by its content-length) is not read: its fields are missing, with RESPONSE_TOO_LARGE */
  readonly responseLimitBytes?: number;
}

/** What a subgraph's fetch resolves to (the gateway's fetcher type, not a dependency of ours). */
type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

interface SubgraphErrorBody {
  errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }>;
}

/**
 * How the gateway calls a subgraph: the caller's bearer token forwarded as is, the gateway's secret
 * proving the call came through here, the request id for the logs, and a time limit per fetch.
 * Node's fetch keeps connections to the subgraphs alive between requests.
 *
 * A subgraph that cannot be reached, or does not answer in time, becomes an `UNAVAILABLE` error and
 * the rest of the answer stands; a subgraph that refuses a request (401 for a bad token) has its own
 * error passed on. Neither carries the subgraph's URL, status line or body: clients never see
 * internal hosts.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly label: string;
  private readonly metricName: string;

  constructor(
    url: string,
    private readonly gatewaySecret: string,
    private readonly timeoutMs: number,
    private readonly options: SubgraphSourceOptions = {},
  ) {
    super({
      url,
      fetcher: (async (input: string, init?: RequestInit) => {
        let response: Response;
        const started = process.hrtime.bigint();
        try {
          response = await fetch(input, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
        } catch (e) {
          subgraphFetchErrors.inc({ subgraph: this.metricName, code: 'UNAVAILABLE' });
          throw this.unreachable(e as Error);
        } finally {
          subgraphFetchDuration.observe({ subgraph: this.metricName }, Number(process.hrtime.bigint() - started) / 1e9);
        }
        const length = Number(response.headers.get('content-length'));
        const limit = this.options.responseLimitBytes;
        if (limit && Number.isFinite(length) && length > limit) {
          await response.body?.cancel().catch(() => undefined);
          throw new GraphQLError(`${this.label} answered ${length} bytes, over the limit of ${limit}: ask for smaller pages or fewer fields`, {
            extensions: { ...this.extensions('RESPONSE_TOO_LARGE'), limit, actual: length },
          });
        }
        return response;
      }) as never,
    });
    this.label = options.name ? `The ${options.name} service` : 'A service behind the gateway';
    this.metricName = options.name ?? 'unknown';
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http!.headers;
    headers.set(GATEWAY_SECRET_HEADER, this.gatewaySecret);
    if (context?.authorization) headers.set('authorization', context.authorization);
    if (context?.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
    if (context?.importJob) headers.set(IMPORT_JOB_HEADER, context.importJob);
    // the fetch's span (@apollo/gateway's gateway.fetch) is the parent of the subgraph's server span
    injectTraceHeaders((k, v) => headers.set(k, v));
  }

  private extensions(code: string): Record<string, unknown> {
    return this.options.name ? { code, serviceName: this.options.name } : { code };
  }

  private unreachable(e: Error): GraphQLError {
    const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError';
    const cause = (e.cause as Error | undefined)?.message ?? e.message;
    this.options.logger?.warn('subgraph fetch failed', { requestId: currentRequestScope()?.requestId, service: this.options.name, url: this.url, error: timedOut ? 'timeout' : cause });
    const message = timedOut
      ? `${this.label} did not answer within ${Math.round(this.timeoutMs / 1000)} s: the fields it answers are missing`
      : `${this.label} cannot be reached just now: the fields it answers are missing`;
    return new GraphQLError(message, { extensions: this.extensions('UNAVAILABLE') });
  }

  /**
   * A subgraph answers a status other than 200 when it refuses a request before running it (a bad
   * token, a missing gateway secret): its first GraphQL error is what the client reads.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const error = await this.refusal(response);
    subgraphFetchErrors.inc({ subgraph: this.metricName, code: String(error.extensions.code ?? 'INTERNAL_SERVER_ERROR') });
    return error;
  }

  private async refusal(response: FetcherResponse): Promise<GraphQLError> {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    const first = (body as SubgraphErrorBody | undefined)?.errors?.[0];
    if (first && typeof first.message === 'string') {
      const code = typeof first.extensions?.code === 'string' ? first.extensions.code : response.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR';
      return new GraphQLError(first.message, { extensions: this.extensions(code) });
    }
    this.options.logger?.warn('subgraph answered without a GraphQL body', { requestId: currentRequestScope()?.requestId, service: this.options.name, url: this.url, status: response.status });
    if (response.status === 502 || response.status === 503 || response.status === 504) {
      return new GraphQLError(`${this.label} cannot be reached just now: the fields it answers are missing`, { extensions: this.extensions('UNAVAILABLE') });
    }
    return new GraphQLError(`${this.label} failed (HTTP ${response.status})`, { extensions: this.extensions('INTERNAL_SERVER_ERROR') });
  }
}
