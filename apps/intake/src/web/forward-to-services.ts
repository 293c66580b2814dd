import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { loadUpstreams, ownsPath } from './upstreams';

const logger = new Logger('forward');

function unavailable(name: string, res: Response) {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.status(503).json({
    statusCode: 503,
    message: `${name === 'notification' ? '通知' : '统计'}服务暂不可用，请稍后重试`,
  });
}

/**
 * Forwards the notification and reporting paths to their services, unbuffered (SSE and xlsx
 * stream through). Mounted before the body parser so request bodies pass on untouched.
 */
export function forwardToServices(app: NestExpressApplication): void {
  for (const upstream of loadUpstreams()) {
    app.use(
      createProxyMiddleware<Request, Response>({
        target: upstream.url,
        changeOrigin: false,
        xfwd: true,
        pathFilter: (path) => ownsPath(upstream.paths, path),
        proxyTimeout: 0,
        on: {
          error: (error, _req, res) => {
            logger.warn(`${upstream.name} unreachable: ${(error as Error).message}`);
            if ('status' in res) unavailable(upstream.name, res as Response);
          },
        },
      }),
    );
  }
}
