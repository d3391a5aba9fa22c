import { Attributes, context, Context, propagation, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, ReadableSpan, SimpleSpanProcessor, Span as SdkSpan, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** The tracer every span of the platform is made by (the gateway's own spans come from @apollo/gateway). */
export const TRACER_NAME = 'tw-platform';

/**
 * Where ended spans go: the exporter of the current `startTracing`, or nowhere once stopped. The
 * global provider is registered once per process and stays: libraries (@apollo/gateway) hold the
 * tracers they took from it at load time, so it cannot be replaced, only switched.
 */
class SwitchedProcessor implements SpanProcessor {
  inner?: SpanProcessor;
  onStart(span: SdkSpan, parent: Context): void {
    this.inner?.onStart(span, parent);
  }
  onEnd(span: ReadableSpan): void {
    this.inner?.onEnd(span);
  }
  forceFlush(): Promise<void> {
    return this.inner?.forceFlush() ?? Promise.resolve();
  }
  shutdown(): Promise<void> {
    return this.inner?.shutdown() ?? Promise.resolve();
  }
}

const processor = new SwitchedProcessor();
let registered: BasicTracerProvider | undefined;
/** this process's exporting processor while tracing is on */
let current: SpanProcessor | undefined;

/** Whether spans are being recorded in this process: `startTracing` ran and found tracing on. */
export function tracingEnabled(): boolean {
  return current !== undefined;
}

export interface TracingOptions {
  /** the process's service name (OTEL_SERVICE_NAME overrides it) */
  readonly service: string;
  /** the environment holding the standard OTEL_* variables */
  readonly env?: NodeJS.ProcessEnv;
  /** tests: spans go here, each as it ends, whatever the environment says */
  readonly exporter?: SpanExporter;
}

/**
 * Whether the standard variables ask for traces: an OTLP endpoint (OTEL_EXPORTER_OTLP_ENDPOINT or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) or OTEL_TRACES_EXPORTER=otlp, and OTEL_SDK_DISABLED not true.
 * Off by default; OTEL_TRACES_EXPORTER=none turns it off.
 */
export function tracingRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  if ((env.OTEL_SDK_DISABLED ?? '').toLowerCase() === 'true') return false;
  const exporter = (env.OTEL_TRACES_EXPORTER ?? '').toLowerCase();
  if (exporter === 'none') return false;
  return exporter === 'otlp' || !!env.OTEL_EXPORTER_OTLP_ENDPOINT || !!env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
}

/**
 * Turns tracing on for this process when the OTEL_* variables ask for it (or a test passes an
 * exporter): W3C trace context in and out of every request, spans exported over OTLP/HTTP (the
 * exporter reads OTEL_EXPORTER_OTLP_* itself). Returns whether it is on. Once per process.
 * @example startTracing({ service: 'personnel' }); // in main.ts, before the server starts
 */
export function startTracing(o: TracingOptions): boolean {
  if (current) return true;
  const env = o.env ?? process.env;
  if (!o.exporter && !tracingRequested(env)) return false;
  if (!registered) {
    registered = new BasicTracerProvider({ resource: new Resource({ 'service.name': env.OTEL_SERVICE_NAME || o.service }), spanProcessors: [processor] });
    registered.register({ contextManager: new AsyncLocalStorageContextManager().enable(), propagator: new W3CTraceContextPropagator() });
  }
  current = o.exporter ? new SimpleSpanProcessor(o.exporter) : new BatchSpanProcessor(new OTLPTraceExporter());
  processor.inner = current;
  return true;
}

/** Sends the spans not yet exported and stops recording them (on shutdown, and between tests). */
export async function stopTracing(): Promise<void> {
  const p = current;
  current = undefined;
  processor.inner = undefined;
  await p?.shutdown();
}

/** The trace id of the span running now, if tracing is on and a span is. */
export function currentTraceId(): string | undefined {
  if (!current) return undefined;
  const span = trace.getActiveSpan();
  const id = span?.spanContext().traceId;
  return id && id !== '00000000000000000000000000000000' ? id : undefined;
}

/** Writes the current trace context (traceparent) into outgoing headers. */
export function injectTraceHeaders(set: (name: string, value: string) => void): void {
  if (!current) return;
  propagation.inject(context.active(), undefined, { set: (_carrier, k, v) => set(k, v) });
}

/**
 * Starts the server span of an incoming HTTP request, as a child of the caller's span when the
 * request carries a traceparent, and runs `next` inside it. The span ends when the response does.
 * Attributes are the method, the route, the status and the request id: never a body, a query
 * string or a header value that could carry personal data.
 */
export function traceIncoming(
  service: string,
  req: { method: string; path: string; headers: Record<string, string | string[] | undefined> },
  res: { statusCode: number; once(event: 'finish' | 'close', f: () => void): unknown },
  requestId: string,
  next: () => void,
): void {
  if (!current) return next();
  const parent = propagation.extract(context.active(), req.headers, {
    get: (h, k) => h[k],
    keys: (h) => Object.keys(h),
  });
  const span = trace.getTracer(TRACER_NAME).startSpan(
    `${req.method} ${routeOf(req.path)}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'http.route': routeOf(req.path), 'tw.service': service, 'tw.request_id': requestId } },
    parent,
  );
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
  res.once('finish', end);
  res.once('close', end);
  context.with(trace.setSpan(parent, span), next);
}

/** A path's route: ids and file names in it are replaced, so no value reaches a span name. */
function routeOf(path: string): string {
  return path
    .split('/')
    .map((p, i) => (i === 0 || /^[a-z-]+$/.test(p) ? p : ':param'))
    .join('/');
}

/** Names the server span after the GraphQL operation (its name and type, never its document or variables). */
export function nameOperationSpan(operationName: string | null | undefined, operationType: string | undefined): void {
  if (!current) return;
  const span = trace.getActiveSpan();
  if (!span) return;
  if (operationName) span.setAttribute('graphql.operation.name', operationName);
  if (operationType) span.setAttribute('graphql.operation.type', operationType);
  span.updateName(`${operationType ?? 'graphql'} ${operationName ?? '(anonymous)'}`);
}

/**
 * Runs `fn` in a child span of the current one (no span when tracing is off, or outside a trace
 * unless `root`). Attributes must carry no personal data: counts, kinds, non-personal ids.
 * @example await withSpan('import.batch', { 'tw.import.kind': 'teachers', 'tw.import.rows': 1000 }, () => write(batch));
 */
export async function withSpan<T>(name: string, attributes: Attributes, fn: (span?: Span) => Promise<T>, o: { root?: boolean; kind?: SpanKind; parent?: Context } = {}): Promise<T> {
  if (!current) return fn();
  const parent = o.parent ?? context.active();
  if (!o.root && !trace.getSpan(parent)) return fn();
  const span = trace.getTracer(TRACER_NAME).startSpan(name, { attributes, kind: o.kind ?? SpanKind.INTERNAL }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (e) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: (e as Error)?.name ?? 'error' });
    throw e;
  } finally {
    span.end();
  }
}
