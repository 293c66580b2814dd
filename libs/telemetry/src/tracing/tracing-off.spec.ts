import { activeTracing, shutdownTracing, startTracing } from './start-tracing';
import { tracingClientInterceptors, withWorkerTracing } from './temporal-tracing';

describe('tracing off (no OTEL_* settings)', () => {
  it('starts nothing, and leaves the Temporal client and workers as they were', async () => {
    expect(startTracing('intake', { env: { OTEL_SDK_DISABLED: 'true' } })).toBe(false);
    expect(startTracing('intake', { env: {} })).toBe(false);
    expect(activeTracing()).toBeUndefined();
    expect(tracingClientInterceptors()).toEqual([]);
    const options = { taskQueue: 'tickets', interceptors: { workflowModules: ['x'] } };
    expect(withWorkerTracing(options)).toBe(options);
    await expect(shutdownTracing()).resolves.toBeUndefined();
  });
});
