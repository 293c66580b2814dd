import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { activeTracing, startTracing } from '../../libs/telemetry/src/tracing/start-tracing';

/**
 * Tracing on for a test file, its spans kept here. Import it first, as the apps' main.ts
 * import their tracing.ts first.
 */
export const tracedSpans = new InMemorySpanExporter();

startTracing('test', { env: {}, spanProcessors: [new SimpleSpanProcessor(tracedSpans)] });

// The instrumentation patches modules through a hook on Node's `require`, which jest's module
// registry never calls: patch the process's one `http` module by hand (stopping tracing
// unpatches it).
for (const instrumentation of activeTracing()?.instrumentations ?? []) {
  for (const definition of instrumentation.getModuleDefinitions()) {
    if (definition.name !== 'http') continue;
    definition.moduleExports = require('node:http');
    definition.moduleVersion = process.versions.node;
    definition.patch?.(definition.moduleExports, definition.moduleVersion);
  }
}
