// Metrics (Prometheus) and traces (OpenTelemetry) of every process.

export * from './metrics';
export * from './tracing';
