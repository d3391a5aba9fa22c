import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import {
  collectProcessMetrics,
  createLogger,
  currentRequestScope,
  formatErrorFor,
  IMPORT_JOB_HEADER,
  Logger,
  metricsHandler,
  shutdownGate,
  REQUEST_ID_HEADER,
  requestRefusals,
  graphqlRequests,
  operationLabel,
  runInRequestScope,
  startTracing,
  telemetryPlugin,
  traceIncoming,
  TokenKeys,
  keepAliveServer,
} from '@tw/kernel';
import express from 'express';
import { GraphQLError, GraphQLSchema } from 'graphql';
import { BudgetSettings, requestBudget } from './budget';
import { GatewayContext } from './context';
import { ConsoleOptions, mountConsole } from './console';
import { forwardTo } from './forward';
import { checkRequest, DEFAULT_LIMITS, RequestLimits } from './limits';
import { mountReports, readFigures } from './reports';
import { SubgraphSource } from './subgraph-source';
import { trustedDocuments, TrustedDocumentsOptions } from './trusted-documents';

export interface GatewayOptions {
  readonly supergraphSdl: string;
  /** each subgraph's URL by name; overrides the URLs composed into the supergraph */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly gatewaySecret: string;
  readonly production: boolean;
  readonly host?: string;
  /** 0 picks a free port */
  readonly port?: number;
  /** time limit of one subgraph fetch */
  readonly subgraphTimeoutMs?: number;
  /** time limit of a whole request */
  readonly requestTimeoutMs?: number;
  /** the largest request body, in bytes */
  readonly bodyLimitBytes?: number;
  readonly limits?: Partial<RequestLimits>;
  /** the largest answer of /graphql, in bytes (and of one subgraph fetch); default 20 MB */
  readonly responseLimitBytes?: number;
  /** the request budget per token subject and per client address; none when unset */
  readonly budget?: BudgetSettings;
  /** the keys tokens are verified with, so the budget counts a subject only for a token that verifies (needed with `budget`) */
  readonly keys?: TokenKeys;
  /** the budget's clock (tests pin it) */
  readonly now?: () => number;
  readonly logger?: Logger;
  /** the console at /console/ and the GraphQL IDE at /graphql (default: both, the IDE outside production only) */
  readonly console?: Omit<ConsoleOptions, 'production'>;
  /** only the documents of a manifest run (a production setting); automatic persisted queries otherwise */
  readonly trustedDocuments?: TrustedDocumentsOptions;
  /**
   * where `/metrics` is served: on a port of its own (`port`, 0 picks one; on `host`, default
   * 127.0.0.1), and on the public port only with `onPublicPort`. Neither: no /metrics.
   */
  readonly metrics?: { readonly port?: number; readonly host?: string; readonly onPublicPort?: boolean };
  /** on stop, how long to keep serving with /ready failing before the listener closes (the load balancer's time to notice) */
  readonly shutdownDelayMs?: number;
  /** more routes on the gateway's origin (the importer's /imports, /templates and /exports are forwarded whenever subgraphUrls has an importer) */
  readonly mount?: (app: express.Express) => void;
}

export interface GatewayHandle {
  readonly url: string;
  readonly port: number;
  readonly server: http.Server;
  /** http://host:port/metrics when the metrics have a port of their own */
  readonly metricsUrl?: string;
  /** Stops gracefully: /ready answers 503 at once, no new connection is accepted, requests in flight are answered. */
  stop(): Promise<void>;
}

/** A GraphQL error answered by the HTTP layer, before Apollo runs. */
function httpError(res: express.Response, status: number, code: string, message: string): void {
  if (res.headersSent) return;
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** A request that has not been answered in time gets a clear error; its subgraph fetches time out on their own. */
function requestTimeout(ms: number): express.RequestHandler {
  return (_req, res, next) => {
    const timer = setTimeout(() => {
      if (!res.headersSent) requestRefusals.inc({ service: 'gateway', code: 'REQUEST_TIMEOUT' });
      httpError(res, 503, 'REQUEST_TIMEOUT', `The request took longer than ${Math.round(ms / 1000)} s and was stopped`);
    }, ms);
    res.on('close', () => clearTimeout(timer));
    res.on('finish', () => clearTimeout(timer));
    next();
  };
}

/** express.json refuses an oversized body with an HTML page; answer GraphQL instead. */
const bodyTooLarge: express.ErrorRequestHandler = (err: { type?: string; limit?: number; status?: number }, _req, res, next) => {
  if (err?.type === 'entity.too.large') requestRefusals.inc({ service: 'gateway', code: 'PAYLOAD_TOO_LARGE' });
  if (err?.type === 'entity.too.large') return httpError(res, 413, 'PAYLOAD_TOO_LARGE', `The request body is over the limit of ${err.limit} bytes`);
  if (err?.type === 'entity.parse.failed') return httpError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
  next(err);
};

/**
 * An operationName that names no operation of the document (or is empty) is the client's mistake: a
 * 400 with OPERATION_RESOLUTION_FAILURE. Without this, @apollo/gateway's executor answers it as a 500.
 */
const operationResolutionPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation(rc) {
        if (rc.operation) return;
        const name = rc.request.operationName;
        throw new GraphQLError(
          name === undefined || name === null ? 'The document has several operations: name the one to run in operationName' : `The document has no operation named "${name}"`,
          { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } },
        );
      },
    };
  },
};

/** A request's operation name without parsing it: the one it names, else its document's first named operation. */
function operationNameOf(one: { query?: unknown; operationName?: unknown }): string | null {
  if (typeof one.operationName === 'string' && one.operationName) return one.operationName;
  if (typeof one.query !== 'string') return null;
  return /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(one.query.slice(0, 500))?.[1] ?? null;
}

/**
 * Refuses a document over the limits before Apollo parses or validates it (the parser itself stops at
 * `maxTokens`), so a 10,000-alias bomb costs microseconds, not a validation pass. Batched requests
 * are checked one by one.
 */
function limitsGuard(schemaOf: () => GraphQLSchema | undefined, limits: RequestLimits): express.RequestHandler {
  return (req, res, next) => {
    const schema = schemaOf();
    if (!schema) return next();
    const body: unknown = req.method === 'GET' ? req.query : req.body;
    for (const one of Array.isArray(body) ? body : [body]) {
      if (!one || typeof one !== 'object') continue;
      let { query, variables } = one as { query?: unknown; variables?: unknown; operationName?: unknown };
      if (typeof variables === 'string') {
        try {
          variables = JSON.parse(variables);
        } catch {
          variables = undefined;
        }
      }
      const refusal = checkRequest(schema, { query, variables, operationName: (one as { operationName?: unknown }).operationName }, limits);
      if (refusal) {
        const { code, message, errors, ...figures } = refusal;
        requestRefusals.inc({ service: 'gateway', code });
        // refused before Apollo sees it: counted here as the telemetry plugin counts a refused request
        graphqlRequests.inc({ service: 'gateway', operation: operationLabel(operationNameOf(one as { query?: unknown; operationName?: unknown })), outcome: 'refused' });
        const found = (errors ?? []).map((e) => ({ message: e.message, ...(e.locations ? { locations: e.locations } : {}), extensions: { code: 'BAD_USER_INPUT' } }));
        res.status(400).json({ errors: [...found, { message, extensions: { code, ...figures } }] });
        return;
      }
    }
    next();
  };
}

/**
 * An answer over the size limit is replaced by a clear error: the cost limit should have refused
 * the query, this is the floor under it.
 */
function responseCap(limitBytes: number): express.RequestHandler {
  return (_req, res, next) => {
    const send = res.send.bind(res);
    res.send = ((body?: unknown) => {
      const size = typeof body === 'string' ? Buffer.byteLength(body) : Buffer.isBuffer(body) ? body.length : 0;
      if (size > limitBytes) {
        res.status(400).setHeader('content-type', 'application/json; charset=utf-8');
        return send(JSON.stringify({ errors: [{ message: `The answer is ${size} bytes, over the limit of ${limitBytes}: ask for smaller pages or fewer fields`, extensions: { code: 'RESPONSE_TOO_LARGE', limit: limitBytes, actual: size } }] }));
      }
      return send(body);
    }) as typeof res.send;
    next();
  };
}

function readyUrl(graphqlUrl: string): string {
  return graphqlUrl.replace(/\/graphql\/?$/, '/ready');
}

/**
 * Starts the gateway: the supergraph composed at build time, served at `/graphql`, with `/health`
 * and `/ready` (every subgraph ready).
 */
export async function startGateway(o: GatewayOptions): Promise<GatewayHandle> {
  const logger = o.logger ?? createLogger('gateway');
  // on when the OTEL_* variables ask for it; @apollo/gateway's own spans (plan, fetch…) join the same trace
  startTracing({ service: 'gateway' });
  collectProcessMetrics();
  // the report's figures are read from the supergraph first: declarations that cannot make a report stop the start
  const figures = readFigures(o.supergraphSdl);
  const timeoutMs = o.subgraphTimeoutMs ?? 30_000;
  const limits: RequestLimits = { ...DEFAULT_LIMITS, ...o.limits };
  const responseLimitBytes = o.responseLimitBytes ?? 20 * 1024 * 1024;
  let apiSchema: GraphQLSchema | undefined;
  const gateway = new ApolloGateway({
    supergraphSdl: o.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = o.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No URL for subgraph ${name}: set ${name.toUpperCase().replace(/-/g, '_')}_URL`);
      return new SubgraphSource(target, o.gatewaySecret, timeoutMs, { name, logger, responseLimitBytes });
    },
  });
  const app = express();
  app.disable('x-powered-by');
  const server = keepAliveServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      {
        // the limits are checked in Express, before Apollo parses a document, against the API schema
        async serverWillStart() {
          return {
            schemaDidLoadOrUpdate({ apiSchema: s }) {
              apiSchema = s;
            },
          };
        },
      },
      operationResolutionPlugin,
      telemetryPlugin('gateway'),
      // Apollo's landing page loads from Apollo's CDN; browsers get the bundled IDE (console.ts)
      ApolloServerPluginLandingPageDisabled(),
    ],
    // the IDE reads the schema by introspection: enabling it in production (GRAPHQL_IDE) enables that too
    introspection: !o.production || !!o.console?.settings?.graphqlIde,
    includeStacktraceInErrorResponses: !o.production,
    // no "Did you mean …" in production: with introspection off, suggestions would spell the schema out
    hideSchemaDetailsFromClientErrors: o.production,
    // the parser stops here too (documents that reach Apollo without the Express check, e.g. tests)
    parseOptions: { maxTokens: limits.maxTokens },
    formatError: formatErrorFor(o.production, logger),
  });
  await apollo.start();

  app.use((req, res, next) => {
    const requestId = randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    runInRequestScope({ requestId, sqlStatements: 0 }, () => traceIncoming('gateway', req, res, requestId, next));
  });
  const gate = shutdownGate();
  app.use(gate.middleware);
  if (o.budget) {
    if (!o.keys) throw new Error('The request budget needs the token keys (GatewayOptions.keys)');
    app.use(['/graphql', '/imports', '/templates', '/exports', '/reports'], requestBudget(o.budget, o.keys, o.now));
  }
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  if (o.metrics?.onPublicPort) app.get('/metrics', metricsHandler);
  app.get('/ready', async (_req, res) => {
    if (gate.stopping) {
      res.status(503).json({ status: 'stopping', subgraphs: {} });
      return;
    }
    const checks = await Promise.all(
      Object.entries(o.subgraphUrls).map(async ([name, url]) => {
        try {
          const r = await fetch(readyUrl(url), { signal: AbortSignal.timeout(3000) });
          return [name, r.ok ? 'ready' : `not ready (${r.status})`] as const;
        } catch (e) {
          return [name, `unreachable (${(e as Error).message})`] as const;
        }
      }),
    );
    const ok = checks.every(([, s]) => s === 'ready');
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not ready', subgraphs: Object.fromEntries(checks) });
  });
  // the importer's uploads, previews, job status, error reports, templates and national-template exports live on the gateway's origin
  const importer = o.subgraphUrls.importer;
  if (importer) app.use(['/imports', '/templates', '/exports'], forwardTo({ target: new URL(importer).origin, gatewaySecret: o.gatewaySecret }));
  // the yearly report as a workbook, made by asking this gateway with the caller's own token
  let selfUrl = '';
  mountReports(app, { gatewayUrl: () => selfUrl, figures, timeoutMs: o.requestTimeoutMs });
  mountConsole(app, { ...o.console, production: o.production });
  o.mount?.(app);
  app.use(
    '/graphql',
    requestTimeout(o.requestTimeoutMs ?? 60_000),
    express.json({ limit: o.bodyLimitBytes ?? 5 * 1024 * 1024 }),
    bodyTooLarge,
    ...(o.trustedDocuments ? [trustedDocuments(o.trustedDocuments)] : []),
    limitsGuard(() => apiSchema, limits),
    responseCap(responseLimitBytes),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        authorization: req.header('authorization'),
        requestId: currentRequestScope()?.requestId ?? randomUUID(),
        importJob: req.header(IMPORT_JOB_HEADER),
      }),
    }),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, o.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = !o.host || o.host === '0.0.0.0' ? '127.0.0.1' : o.host;
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/graphql`;
  selfUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/graphql`;
  logger.info('listening', { url });
  // /metrics on a port of its own, kept off the public one
  let metricsServer: http.Server | undefined;
  let metricsUrl: string | undefined;
  if (o.metrics?.port !== undefined) {
    const m = express();
    m.disable('x-powered-by');
    m.get('/metrics', metricsHandler);
    metricsServer = http.createServer(m);
    const mHost = o.metrics.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      metricsServer!.once('error', reject);
      metricsServer!.listen(o.metrics!.port, mHost, () => resolve());
    });
    metricsUrl = `http://${mHost === '0.0.0.0' ? '127.0.0.1' : mHost}:${(metricsServer.address() as AddressInfo).port}/metrics`;
    logger.info('metrics listening', { url: metricsUrl });
  }
  return {
    url,
    port,
    server,
    metricsUrl,
    stop: async () => {
      await gate.begin(o.shutdownDelayMs);
      // the drain plugin closes the listener, answers what is in flight, then closes idle connections
      await apollo.stop();
      if (metricsServer) {
        metricsServer.closeAllConnections();
        await new Promise<void>((resolve) => metricsServer!.close(() => resolve()));
      }
    },
  };
}
