import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { WorkerOptions } from '@temporalio/worker';
import { activeTracing } from './start-tracing';

type TemporalOpenTelemetry = typeof import('@temporalio/interceptors-opentelemetry');

/** Loaded only while tracing is on, like the SDK itself. */
function temporalOpenTelemetry(): TemporalOpenTelemetry {
  return require('@temporalio/interceptors-opentelemetry') as TemporalOpenTelemetry;
}

/**
 * The workflow-side interceptors (RunWorkflow, StartActivity, HandleUpdate … spans), bundled
 * into the workflow code: `interceptors.workflowModules` when a worker bundles at start,
 * `workflowInterceptorModules` for a prebuilt bundle. They send their spans through the
 * worker's `exporter` sink (`withWorkerTracing`).
 */
export function workflowTracingModules(): string[] {
  return [require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')];
}

/** Client interceptors: a StartWorkflow, StartWorkflowUpdate … span whose context rides in the headers. */
export function tracingClientInterceptors(): WorkflowClientInterceptor[] {
  if (!activeTracing()) return [];
  return [new (temporalOpenTelemetry().OpenTelemetryWorkflowClientInterceptor)()];
}

/**
 * A worker's options with tracing added while it is on: a RunActivity span per activity (child
 * of the workflow's StartActivity), trace ids in activity logs, and the `exporter` sink that
 * takes the workflow's spans into this process's pipeline. The workflow interceptors
 * themselves come with the bundle (`workflowTracingModules`). Off: the options unchanged.
 */
export function withWorkerTracing<T extends Partial<WorkerOptions>>(
  options: T,
): T & Pick<WorkerOptions, 'interceptors' | 'sinks'> {
  const tracing = activeTracing();
  if (!tracing) return options;
  const otel = temporalOpenTelemetry();
  return {
    ...options,
    interceptors: {
      ...options.interceptors,
      activity: [
        ...(options.interceptors?.activity ?? []),
        (ctx) => ({
          inbound: new otel.OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new otel.OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
    sinks: {
      ...options.sinks,
      exporter: otel.makeWorkflowExporter(tracing.spanProcessor, tracing.resource),
    },
  };
}
