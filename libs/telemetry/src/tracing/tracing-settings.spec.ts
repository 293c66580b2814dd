import { tracingRequested, tracingServiceName } from './tracing-settings';

describe('tracingRequested: the standard OTEL_* settings', () => {
  it.each([
    ['nothing set', {}, false],
    ['an OTLP endpoint', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }, true],
    ['a traces endpoint', { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces' }, true],
    ['a blank endpoint', { OTEL_EXPORTER_OTLP_ENDPOINT: '  ' }, false],
    ['an exporter', { OTEL_TRACES_EXPORTER: 'otlp' }, true],
    ['the console exporter', { OTEL_TRACES_EXPORTER: 'console' }, true],
    ['exporter none', { OTEL_TRACES_EXPORTER: 'none' }, false],
    ['a list starting with none', { OTEL_TRACES_EXPORTER: 'none,otlp' }, false],
    ['an empty exporter list', { OTEL_TRACES_EXPORTER: ' , ' }, false],
    [
      'exporter none beats an endpoint',
      { OTEL_TRACES_EXPORTER: 'None', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' },
      false,
    ],
    [
      'the SDK disabled beats an endpoint',
      { OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' },
      false,
    ],
    [
      'the SDK disabled beats an exporter',
      { OTEL_SDK_DISABLED: ' TRUE ', OTEL_TRACES_EXPORTER: 'console' },
      false,
    ],
    [
      'OTEL_SDK_DISABLED=false does not disable',
      { OTEL_SDK_DISABLED: 'false', OTEL_TRACES_EXPORTER: 'otlp' },
      true,
    ],
  ] as const)('%s → %s', (_what, env, expected) => {
    expect(tracingRequested(env)).toBe(expected);
  });
});

describe('tracingServiceName', () => {
  it('names the service court-12368-<service> unless OTEL_SERVICE_NAME says otherwise', () => {
    expect(tracingServiceName('intake', {})).toBe('court-12368-intake');
    expect(tracingServiceName('intake', { OTEL_SERVICE_NAME: ' ' })).toBe('court-12368-intake');
    expect(tracingServiceName('worker', { OTEL_SERVICE_NAME: 'tickets-a' })).toBe('tickets-a');
  });
});
