/**
 * Where an admin sees a ticket's workflow in the Temporal Web UI. The embedded defaults
 * (API.md: TEMPORAL_UI_PORT 8233, TEMPORAL_NAMESPACE `default`) until the UI is told otherwise.
 */
export interface TemporalUiConfig {
  port: number;
  namespace: string;
}

export const TEMPORAL_UI_DEFAULTS: TemporalUiConfig = { port: 8233, namespace: 'default' };

/** `http://<page's hostname>:8233/namespaces/default/workflows/<workflowId>`. */
export function temporalWorkflowUrl(
  hostname: string,
  workflowId: string,
  config: TemporalUiConfig = TEMPORAL_UI_DEFAULTS,
): string {
  const host = hostname.includes(':') && !hostname.startsWith('[') ? `[${hostname}]` : hostname;
  return `http://${host}:${config.port}/namespaces/${encodeURIComponent(
    config.namespace,
  )}/workflows/${encodeURIComponent(workflowId)}`;
}
