/**
 * Whether the standard OpenTelemetry settings ask for traces: `OTEL_SDK_DISABLED=true` always
 * wins; else `OTEL_TRACES_EXPORTER` names an exporter other than `none`, or an OTLP endpoint
 * (`OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set.
 */
export function tracingRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  // The SDK reads a list that starts with `none` as "no traces".
  if (exporters.length > 0) return exporters[0] !== 'none';
  return [env.OTEL_EXPORTER_OTLP_ENDPOINT, env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT].some(
    (endpoint) => (endpoint?.trim() ?? '') !== '',
  );
}

/** `service.name` of a process's spans: `OTEL_SERVICE_NAME`, else `court-12368-<service>`. */
export function tracingServiceName(service: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.OTEL_SERVICE_NAME?.trim() || `court-12368-${service}`;
}
