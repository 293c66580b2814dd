import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ApiExceptionFilter } from './api-exception.filter';
import { requestId } from './request-id.middleware';
import { createValidationPipe } from './validation';

/**
 * What every HTTP service shares: request ids, a 1 MB JSON body limit (413 beyond),
 * malformed JSON → 400, DTO validation with field errors, API.md's error shape, and
 * OpenAPI docs at /api/docs. Create the app with `{ bodyParser: false }`.
 */
export function configureHttpApp(app: NestExpressApplication, title: string): void {
  const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
  if (trustProxy !== undefined) app.set('trust proxy', trustProxy);
  app.use(requestId);
  app.useBodyParser('json', { limit: '1mb' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(title).setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, document);
}

/**
 * `TRUST_PROXY`: Express's `trust proxy`, so that `request.ip` (per-address login limits)
 * is the client's address from `X-Forwarded-For` when the service sits behind a proxy.
 * `true` (any proxy), a hop count (`1`), or addresses / subnets / `loopback`, comma-separated.
 * Unset or `false`: the peer address is used and `X-Forwarded-For` ignored.
 */
export function parseTrustProxy(raw: string | undefined): boolean | number | string | undefined {
  const value = raw?.trim();
  if (!value || value.toLowerCase() === 'false') return undefined;
  if (value.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
