import type { IncomingMessage } from 'node:http';
import type { HttpInstrumentation } from '@opentelemetry/instrumentation-http';

/** Probes and scrapes would be most of the spans and none of the story. */
const UNTRACED_PATHS = new Set(['/health', '/metrics']);

/** The route Express matched (`/api/tickets/:id/feedback`), set on the request once routed. */
function matchedRoute(request: object): string | undefined {
  const route = (request as { route?: { path?: unknown } }).route?.path;
  return typeof route === 'string' ? route : undefined;
}

/**
 * HTTP client and server spans, the W3C `traceparent` read and written. Server spans are named
 * `POST /api/tickets/:id/feedback` after the matched route: the Express instrumentation of the
 * OTel 1.x line patches Express 4 only, and Nest 11 runs Express 5.
 */
export function httpInstrumentation(): HttpInstrumentation {
  const { HttpInstrumentation: Instrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  return new Instrumentation({
    ignoreIncomingRequestHook: (request: IncomingMessage) =>
      UNTRACED_PATHS.has((request.url ?? '').split('?')[0] ?? ''),
    applyCustomAttributesOnSpan: (span, request) => {
      const route = matchedRoute(request);
      if (route === undefined || !('method' in request)) return;
      span.setAttribute('http.route', route);
      span.updateName(`${request.method} ${route}`);
    },
  });
}
