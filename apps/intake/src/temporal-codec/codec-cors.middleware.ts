import { SERVICE_CONFIG, type ServiceConfig } from '@court/config';
import { ForbiddenException, Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** What the Temporal Web UI sends with a codec request. */
const ALLOWED_HEADERS = 'Authorization, Content-Type, X-Namespace';

/**
 * CORS for the codec endpoint, open to the Temporal Web UI's origin only (`TEMPORAL_UI_ORIGIN`),
 * with credentials (its cookie). Preflights are answered here, before any authentication.
 * A request from any other page is refused; one without an Origin (the CLI, curl) goes on.
 */
@Injectable()
export class CodecCorsMiddleware implements NestMiddleware {
  private readonly allowed: string;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.allowed = config.temporal.uiOrigin;
  }

  use(request: Request, response: Response, next: NextFunction): void {
    const origin = request.headers.origin;
    if (origin === undefined) {
      next();
      return;
    }
    if (origin !== this.allowed) {
      throw new ForbiddenException(
        `来源 ${origin} 不得调用编解码接口：只允许 Temporal Web UI（${this.allowed}，见 TEMPORAL_UI_ORIGIN）`,
      );
    }
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Access-Control-Allow-Credentials', 'true');
    response.append('Vary', 'Origin');
    if (request.method !== 'OPTIONS') {
      next();
      return;
    }
    response.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
    response.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    response.setHeader('Access-Control-Max-Age', '600');
    response.status(204).end();
  }
}
