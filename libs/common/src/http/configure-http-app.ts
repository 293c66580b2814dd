import { trustProxy } from '@court/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { createApiDocument } from './api-document';
import { ApiExceptionFilter } from './api-exception.filter';
import { requestId } from './request-id.middleware';
import { createValidationPipe } from './validation';

/**
 * What every HTTP service shares: request ids, a 1 MB JSON body limit (413 beyond),
 * malformed JSON → 400, DTO validation with field errors, API.md's error shape, and
 * OpenAPI docs at /api/docs. Create the app with `{ bodyParser: false }`.
 */
export function configureHttpApp(app: NestExpressApplication, title: string): void {
  const proxies = trustProxy();
  if (proxies !== undefined) app.set('trust proxy', proxies);
  app.use(requestId);
  app.useBodyParser('json', { limit: '1mb' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  SwaggerModule.setup('api/docs', app, createApiDocument(app, title));
}
