import { randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { Principal } from './auth/principal';
import { bearerToken, TokenKeys, verifyTokenAsync } from './auth/tokens';
import { Clock, systemClock } from './clock';
import { pingDatabase } from './database/data-source';
import { BaseContext } from './graphql/context';
import { createLogger, Logger } from './logger';
import { LookupWatch } from './lookup-watch';
import { currentRequestScope, runInRequestScope } from './request-scope';
import { GATEWAY_SECRET_HEADER, IMPORT_JOB_HEADER, REQUEST_ID_HEADER } from './services';
import { collectProcessMetrics, scrapeMetrics } from './telemetry/metrics';
import { telemetryPlugin } from './telemetry/plugin';
import { startTracing, traceIncoming } from './telemetry/tracing';
import { FreezePeers, installFrozenReports } from './frozen-reports/figures';

/** Ask a subgraph for `extensions.sqlStatements` in its answer (not in production). */
export const DEBUG_SQL_HEADER = 'x-debug-sql-count';

export interface ServiceOptions<C extends BaseContext> {
  readonly name: string;
  readonly schema: GraphQLSchema;
  readonly dataSource: DataSource;
  readonly keys: TokenKeys;
  readonly production: boolean;
  /** adds the service's per-request loaders to the base context */
  readonly context: (base: BaseContext) => C;
  /** every request's `ctx.clock` (default the system clock) */
  readonly clock?: Clock;
  readonly logger?: Logger;
  /**
   * More routes beside /graphql (the importer's uploads and downloads). They are behind the same
   * gateway-secret check; `principalOf(req)` verifies the request's bearer token.
   */
  readonly mount?: (router: express.Router, principalOf: (req: express.Request) => Principal | null) => void;
  /** on stop, how long to keep serving (with /ready failing) before the listener closes; see shutdownGate */
  readonly shutdownDelayMs?: number;
  /** the other services' parts of a frozen district report, for the report's owner (personnel) */
  readonly freezePeers?: FreezePeers;
}

export interface ServiceHandle {
  readonly url: string;
  readonly port: number;
  readonly server: http.Server;
  /**
   * Stops gracefully: `/ready` answers 503 at once (a load balancer stops sending), the server
   * accepts no new connection, the requests in flight are answered, then the database is closed.
   */
  stop(): Promise<void>;
}

/** What `/ready` says of a service: its database answers and every migration it knows is applied. */
export async function serviceReadiness(ds: DataSource): Promise<{ ready: boolean; status: string }> {
  if (!(await pingDatabase(ds))) return { ready: false, status: 'database unreachable' };
  try {
    if (await ds.showMigrations()) return { ready: false, status: 'migrations pending' };
  } catch {
    return { ready: false, status: 'database unreachable' };
  }
  return { ready: true, status: 'ready' };
}

/**
 * An HTTP server whose idle connections outlive a load balancer's (65 s), and whose header timeout
 * outlives the idle time: with Node's default 60 s header timeout under a 65 s keep-alive, the server
 * drops an idle connection that it still advertises as open, and a client that reuses it in that
 * window gets EPIPE or ECONNRESET on a request that was never read.
 * @example const server = keepAliveServer(app); server.listen(port);
 */
export function keepAliveServer(app: http.RequestListener): http.Server {
  const server = http.createServer(app);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

/**
 * The first step of a graceful stop: from `begin()` on, `/ready` should answer 503 and every answer
 * carries `Connection: close`, so clients and load balancers drop their kept-alive connections;
 * `begin(delayMs)` then keeps serving for `delayMs` (the time a load balancer takes to see /ready
 * fail) before the listener closes. Without the delay an idle kept-alive connection closed by the
 * server can cross a request the client sends on it.
 * @example const gate = shutdownGate(); app.use(gate.middleware); … await gate.begin(5000); await apollo.stop();
 */
export function shutdownGate() {
  let stopping = false;
  return {
    get stopping(): boolean {
      return stopping;
    },
    middleware: ((_req, res, next) => {
      if (stopping) res.setHeader('connection', 'close');
      next();
    }) as express.RequestHandler,
    async begin(delayMs = 0): Promise<void> {
      stopping = true;
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    },
  };
}

/**
 * `GET /metrics`: the process's Prometheus series.
 * @example app.get('/metrics', metricsHandler);
 */
export const metricsHandler: express.RequestHandler = async (_req, res) => {
  const { contentType, body } = await scrapeMetrics();
  res.setHeader('content-type', contentType);
  res.send(body);
};

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

// Error codes of a database that is down or unreachable, as mysql2, node:net and SQLite raise them.
const DATABASE_UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
]);
const DATABASE_UNREACHABLE_MESSAGE = /connection is in closed state|Pool is closed|Connection lost/i;

/** Whether an error, or one it wraps (GraphQL's originalError, TypeORM's driverError, a cause), says the database cannot be reached. */
export function isDatabaseUnreachable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const { code, message, originalError, driverError, cause } = e as { code?: unknown; message?: unknown; originalError?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof code === 'string' && DATABASE_UNREACHABLE.has(code)) return true;
    if (typeof message === 'string' && DATABASE_UNREACHABLE_MESSAGE.test(message)) return true;
    queue.push(originalError, driverError, cause);
  }
  return false;
}

/**
 * Errors a person reads keep their message; anything else is masked in production, answered with
 * the request id the logs are searched by. A service's own database being unreachable is answered
 * as `UNAVAILABLE` in every mode, with no host, port or SQL in it.
 * @example new ApolloServer({ schema, formatError: formatErrorFor(production, logger, 'personnel') })
 */
export function formatErrorFor(production: boolean, logger: Logger, service?: string) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    const requestId = currentRequestScope()?.requestId;
    if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
      logger.error('request failed', { requestId, error: error instanceof Error ? error.message : String(error) });
      if (service && isDatabaseUnreachable(error)) {
        return {
          message: `The ${service} service cannot reach its database just now: try again shortly (request ${requestId ?? 'unknown'})`,
          ...(formatted.path ? { path: formatted.path } : {}),
          extensions: { code: 'UNAVAILABLE', requestId },
        };
      }
      if (production) {
        return { message: `Internal server error (request ${requestId ?? 'unknown'})`, ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } };
      }
    }
    return production ? { ...formatted, extensions: { ...formatted.extensions, stacktrace: undefined, requestId } } : formatted;
  };
}

function sqlCountPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart({ request }) {
      if (!request.http?.headers.get(DEBUG_SQL_HEADER)) return;
      return {
        async willSendResponse({ response }) {
          const scope = currentRequestScope();
          if (response.body.kind === 'single' && scope) {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sqlStatements: scope.sqlStatements };
          }
        },
      };
    },
  };
}

/**
 * Starts a subgraph: `/graphql` (only for requests carrying the gateway's secret header, each
 * bearer token verified here too), `/health` (the process is up) and `/ready` (its database answers).
 * @example const handle = await startService({ name, schema, dataSource, keys, production, context }, { host, port });
 */
export async function startService<C extends BaseContext>(o: ServiceOptions<C>, listen: { host: string; port: number }): Promise<ServiceHandle> {
  const logger = o.logger ?? createLogger(o.name);
  // on when the OTEL_* variables ask for it (once per process; a test may have started it with its own exporter)
  startTracing({ service: o.name });
  collectProcessMetrics();
  // a service that extends DistrictReport answers its frozen years from its frozen_report table
  installFrozenReports(o.schema, { service: o.name, dataSource: o.dataSource, context: o.context, clock: o.clock ?? systemClock, peers: o.freezePeers });
  const app = express();
  app.disable('x-powered-by');
  const server = keepAliveServer(app);

  const plugins: ApolloServerPlugin<C>[] = [
    ApolloServerPluginInlineTraceDisabled(),
    ApolloServerPluginDrainHttpServer({ httpServer: server }),
    telemetryPlugin(o.name) as ApolloServerPlugin<C>,
  ];
  if (o.production) plugins.push(ApolloServerPluginLandingPageDisabled());
  else plugins.push(sqlCountPlugin() as ApolloServerPlugin<C>);
  const apollo = new ApolloServer<C>({
    schema: o.schema,
    plugins,
    introspection: !o.production,
    includeStacktraceInErrorResponses: !o.production,
    // no "Did you mean …" in production, where introspection is off
    hideSchemaDetailsFromClientErrors: o.production,
    formatError: formatErrorFor(o.production, logger, o.name),
  });
  await apollo.start();
  const lookups = new LookupWatch(logger);

  app.use((req, res, next) => {
    const header = req.headers[REQUEST_ID_HEADER];
    const requestId = typeof header === 'string' && /^[\w.-]{1,100}$/.test(header) ? header : randomUUID();
    const job = req.headers[IMPORT_JOB_HEADER];
    const importJobId = typeof job === 'string' && /^[\w.-]{1,36}$/.test(job) ? job : undefined;
    runInRequestScope({ requestId, sqlStatements: 0, ...(importJobId ? { importJobId } : {}) }, () => traceIncoming(o.name, req, res, requestId, next));
  });
  const gate = shutdownGate();
  app.use(gate.middleware);
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: o.name });
  });
  app.get('/ready', async (_req, res) => {
    const r = gate.stopping ? { ready: false, status: 'stopping' } : await serviceReadiness(o.dataSource);
    res.status(r.ready ? 200 : 503).json({ status: r.status, service: o.name });
  });
  // the subgraphs' ports are internal (clients reach them only through the gateway), as /health is
  app.get('/metrics', metricsHandler);
  const gatewayOnly: express.RequestHandler = (req, res, next) => {
    if (sameSecret(req.header(GATEWAY_SECRET_HEADER), o.keys.gatewaySecret)) return next();
    res.status(403).json({
      errors: [{ message: `The ${o.name} subgraph answers only requests that come through the gateway`, extensions: { code: 'FORBIDDEN' } }],
    });
  };
  if (o.mount) {
    const routes = express.Router();
    routes.use(gatewayOnly);
    // the token is verified once, before the routes (a JWKS key is fetched asynchronously); principalOf reads the outcome
    const verified = new WeakMap<express.Request, { principal: Principal | null } | { error: unknown }>();
    routes.use(async (req, _res, next) => {
      const token = bearerToken(req.header('authorization'));
      try {
        verified.set(req, { principal: token ? await verifyTokenAsync(token, o.keys) : null });
      } catch (error) {
        verified.set(req, { error });
      }
      next();
    });
    o.mount(routes, (req) => {
      const outcome = verified.get(req);
      if (!outcome) return null;
      if ('error' in outcome) throw outcome.error;
      return outcome.principal;
    });
    app.use((req, res, next) => (req.path === '/graphql' || req.path.startsWith('/graphql/') ? next() : routes(req, res, next)));
  }
  app.use(
    '/graphql',
    gatewayOnly,
    express.json({ limit: '20mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const token = bearerToken(req.header('authorization'));
        let principal: Principal | null = null;
        if (token) {
          try {
            principal = await verifyTokenAsync(token, o.keys);
          } catch (e) {
            const err = e as GraphQLError;
            throw new GraphQLError(err.message, { extensions: { ...err.extensions, http: { status: 401 } } });
          }
        }
        return o.context({ principal, requestId: currentRequestScope()?.requestId ?? randomUUID(), clock: o.clock ?? systemClock, lookups });
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${listen.host === '0.0.0.0' ? '127.0.0.1' : listen.host}:${port}/graphql`;
  logger.info('listening', { url });
  return {
    url,
    port,
    server,
    stop: async () => {
      await gate.begin(o.shutdownDelayMs);
      // the drain plugin closes the listener, answers what is in flight, then closes idle connections
      await apollo.stop();
      if (o.dataSource.isInitialized) await o.dataSource.destroy();
    },
  };
}

/** Stops the handles cleanly on SIGTERM or SIGINT, then exits (forced after 10 s, or `graceMs`). */
export function stopOnSignals(logger: Logger, ...args: Array<{ stop(): Promise<void> } | { graceMs: number }>): void {
  const handles = args.filter((a): a is { stop(): Promise<void> } => 'stop' in a);
  const graceMs = args.find((a): a is { graceMs: number } => 'graceMs' in a)?.graceMs ?? 10_000;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    const timer = setTimeout(() => process.exit(1), graceMs);
    timer.unref();
    try {
      for (const h of handles) await h.stop();
      process.exit(0);
    } catch (e) {
      logger.error('stop failed', { error: (e as Error).message });
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
