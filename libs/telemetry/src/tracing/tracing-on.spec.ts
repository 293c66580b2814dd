import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { activeTracing, shutdownTracing, startTracing } from './start-tracing';
import { tracingClientInterceptors, withWorkerTracing } from './temporal-tracing';

describe('tracing on', () => {
  afterEach(() => shutdownTracing());

  it('names the service, adds the client interceptor, activity interceptors and the sink', async () => {
    const exporter = new InMemorySpanExporter();
    expect(
      startTracing('worker', { env: {}, spanProcessors: [new SimpleSpanProcessor(exporter)] }),
    ).toBe(true);
    expect(activeTracing()?.serviceName).toBe('court-12368-worker');
    expect(activeTracing()?.resource.attributes['service.name']).toBe('court-12368-worker');
    expect(tracingClientInterceptors()).toHaveLength(1);

    const own = () => ({});
    const traced = withWorkerTracing({
      taskQueue: 'tickets',
      interceptors: { activity: [own], workflowModules: ['m'] },
    });
    expect(traced.interceptors?.activity?.[0]).toBe(own);
    expect(traced.interceptors?.activity).toHaveLength(2);
    expect(traced.interceptors?.workflowModules).toEqual(['m']);
    expect(traced.sinks?.exporter).toBeDefined();

    await shutdownTracing();
    expect(activeTracing()).toBeUndefined();
  });
});
