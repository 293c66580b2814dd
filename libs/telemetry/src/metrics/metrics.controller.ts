import { Public } from '@court/auth';
import { Controller, Get, Headers, Inject, Res, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { scrapeAllowed } from './metrics-token';
import { metricsRegistry } from './registry';

export const METRICS_TOKEN_SETTING = Symbol('METRICS_TOKEN_SETTING');

/** `GET /metrics`: the Prometheus text format; outside the login, behind METRICS_TOKEN when set. */
@Public()
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(METRICS_TOKEN_SETTING) private readonly token: string | null) {}

  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    if (!scrapeAllowed(this.token, authorization)) {
      response.setHeader('WWW-Authenticate', 'Bearer');
      throw new UnauthorizedException('指标接口需要令牌 (METRICS_TOKEN)');
    }
    const body = await metricsRegistry.metrics();
    response.setHeader('Content-Type', metricsRegistry.contentType);
    response.setHeader('Cache-Control', 'no-store');
    response.end(body);
  }
}
