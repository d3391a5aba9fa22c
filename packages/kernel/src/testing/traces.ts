import { InMemorySpanExporter, ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing, stopTracing } from '../telemetry/tracing';

export type { ReadableSpan };

/**
 * Turns tracing on in this process with an in-memory exporter: every span, as it ends, is kept for
 * the test to read. Call before the servers start; `stop()` after they stopped.
 * @example const traces = recordTraces(); …; const spans = traces.spans().filter((s) => s.spanContext().traceId === id);
 */
export function recordTraces() {
  const exporter = new InMemorySpanExporter();
  startTracing({ service: 'test', exporter });
  return {
    spans: (): ReadableSpan[] => exporter.getFinishedSpans(),
    reset: () => exporter.reset(),
    stop: () => stopTracing(),
  };
}
