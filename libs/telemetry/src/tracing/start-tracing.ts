import type { Resource } from '@opentelemetry/resources';
import type { NodeSDK } from '@opentelemetry/sdk-node';
import type { BasicTracerProvider, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { httpInstrumentation } from './http-instrumentation';
import { tracingRequested, tracingServiceName } from './tracing-settings';

/** The running SDK of this process, and where spans made elsewhere (workflows) are handed in. */
export interface ActiveTracing {
  readonly serviceName: string;
  /** The provider's span processors and resource, for the spans Temporal workflows send out. */
  readonly spanProcessor: SpanProcessor;
  readonly resource: Resource;
  /** What patches `http` as it loads (jest, which hides loading, patches by hand). */
  readonly instrumentations: readonly Instrumentation[];
}

type Instrumentation = Pick<
  ReturnType<typeof httpInstrumentation>,
  'getModuleDefinitions' | 'disable'
>;

interface RunningTracing extends ActiveTracing {
  readonly sdk: NodeSDK;
}

export interface TracingOverrides {
  env?: NodeJS.ProcessEnv;
  /** Replace the exporters the OTEL_* settings choose (tests: an in-memory exporter). */
  spanProcessors?: SpanProcessor[];
}

const SHUTDOWN_WITHIN_MS = 5_000;

let running: RunningTracing | undefined;

/**
 * Starts OpenTelemetry tracing for this process when the OTEL_* settings ask for it
 * (`tracingRequested`): HTTP spans, W3C trace context (`OTEL_PROPAGATORS`),
 * exporters from `OTEL_TRACES_EXPORTER` / `OTEL_EXPORTER_OTLP_*`. Call it before anything
 * loads `http` or `express`. Off, it loads and creates nothing.
 */
export function startTracing(service: string, overrides: TracingOverrides = {}): boolean {
  const env = overrides.env ?? process.env;
  if (running) return true;
  if (!overrides.spanProcessors && !tracingRequested(env)) return false;
  // Loaded here, not at the top: while tracing is off the SDK is not even read (~0.2 s, ~25 MB).
  const { NodeSDK } =
    require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { trace } = require('@opentelemetry/api') as typeof import('@opentelemetry/api');

  // HTTP only: OTel's Express instrumentation of the 1.x line patches Express 4, not the
  // Express 5 under Nest 11; the HTTP server spans are named after the matched route instead.
  const instrumentations = [httpInstrumentation()];
  const serviceName = tracingServiceName(service, env);
  const sdk = new NodeSDK({
    serviceName,
    instrumentations,
    ...(overrides.spanProcessors ? { spanProcessors: overrides.spanProcessors } : {}),
    // Traces only: logs are the JSON lines on stdout, metrics Prometheus's.
    logRecordProcessors: [],
  });
  sdk.start();
  const provider = trace.getTracerProvider() as { getDelegate?: () => unknown };
  const delegate = provider.getDelegate?.() as Partial<BasicTracerProvider> | undefined;
  if (!delegate?.getActiveSpanProcessor || !delegate.resource) {
    // No exporter could be set up (an unknown OTEL_TRACES_EXPORTER): the SDK registered nothing.
    void sdk.shutdown();
    for (const instrumentation of instrumentations) instrumentation.disable();
    return false;
  }
  running = {
    serviceName,
    sdk,
    instrumentations,
    spanProcessor: delegate.getActiveSpanProcessor(),
    resource: delegate.resource as Resource,
  };
  return true;
}

/** The tracing this process runs, or undefined while it is off. */
export function activeTracing(): ActiveTracing | undefined {
  return running;
}

/**
 * Flushes the spans still buffered and stops the SDK (at most 5 s: a collector that does not
 * answer must not hold up a stopping service), and unpatches `http`.
 */
export async function shutdownTracing(): Promise<void> {
  const stopping = running;
  if (!stopping) return;
  running = undefined;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    stopping.sdk.shutdown().catch(() => undefined),
    new Promise((resolve) => {
      timer = setTimeout(resolve, SHUTDOWN_WITHIN_MS);
      timer.unref();
    }),
  ]);
  clearTimeout(timer);
  for (const instrumentation of stopping.instrumentations) instrumentation.disable();
}
