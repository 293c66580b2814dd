import type { NextFunction, Request, Response } from 'express';
import { Histogram } from 'prom-client';
import { metricsRegistry } from './registry';

export const METRICS_PATH = '/metrics';
export const UNMATCHED_ROUTE = 'unmatched';

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP requests by method, route pattern and status, seconds to the response sent',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});

/**
 * The route pattern that answered (`/api/tickets/:id`), never the raw URL: a label per ticket id
 * would grow without end. Requests no route matched (`route` still the one the middleware ran
 * in: Nest mounts it as a route of its own) are `unmatched`.
 */
export function routeLabel(request: Pick<Request, 'baseUrl' | 'route'>, middlewareRoute?: unknown) {
  const path: unknown = request.route?.path;
  if (typeof path !== 'string' || request.route === middlewareRoute) return UNMATCHED_ROUTE;
  return `${request.baseUrl ?? ''}${path}` || '/';
}

/**
 * Times each request to the end of its response (`finish`; a client gone early: `close`),
 * labelled once the router has matched it. Scrapes of /metrics itself are left out.
 */
export function httpDurationMiddleware(request: Request, response: Response, next: NextFunction) {
  const end = httpRequestDuration.startTimer();
  const middlewareRoute = request.route;
  let done = false;
  const observe = () => {
    if (done) return;
    done = true;
    const route = routeLabel(request, middlewareRoute);
    if (route === METRICS_PATH) return;
    end({ method: request.method, route, status: String(response.statusCode) });
  };
  response.once('finish', observe);
  response.once('close', observe);
  next();
}
