import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import { forwardToServices } from './forward-to-services';

/**
 * The browser's one origin, before the body parser: the other services' paths forwarded as
 * they are (streams unbuffered, so not compressed here), then gzip for the intake's own API
 * and the web app's files.
 */
export function mountWebFront(app: NestExpressApplication): void {
  forwardToServices(app);
  app.use(compression());
}
