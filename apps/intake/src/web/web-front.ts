import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import expressStaticGzip from 'express-static-gzip';
import { forwardToServices } from './forward-to-services';
import { webRoot } from './web-root';

/**
 * The browser's one origin, before the body parser: the other services' paths forwarded as
 * they are (streams unbuffered, so not compressed here); the web app's assets as the build
 * compressed them (brotli at its best level, else gzip -9: no compression work per request,
 * and smaller than on the fly); then gzip for the intake's own API answers.
 */
export function mountWebFront(app: NestExpressApplication): void {
  forwardToServices(app);
  app.use(
    '/assets',
    expressStaticGzip(join(webRoot(), 'assets'), {
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      serveStatic: {
        fallthrough: false,
        // Vite names assets by content hash: a changed file is a new name.
        immutable: true,
        maxAge: '365d',
        setHeaders: (res: ServerResponse) => res.setHeader('X-Content-Type-Options', 'nosniff'),
      },
    }),
  );
  app.use(compression());
}
