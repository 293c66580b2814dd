import { Public } from '@court/auth';
import { Storage } from '@court/database';
import { TEMPORAL_CONNECTION } from '@court/temporal';
import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { Connection as TemporalConnection } from '@temporalio/client';
import type { Response } from 'express';

type Check = 'ok' | 'unreachable';

/** `GET /health`: 200 `{ status: 'ok' }` once the database and Temporal answer, else 503. */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly storage: Storage,
    @Inject(TEMPORAL_CONNECTION) private readonly temporal: TemporalConnection,
  ) {}

  @Get()
  async health(@Res({ passthrough: true }) response: Response) {
    const [database, temporal] = await Promise.all([this.checkDatabase(), this.checkTemporal()]);
    const healthy = database === 'ok' && temporal === 'ok';
    response.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: healthy ? 'ok' : 'unavailable', checks: { database, temporal } };
  }

  private async checkDatabase(): Promise<Check> {
    try {
      await withTimeout(this.storage.databaseHealth.ping(), 2_000);
      return 'ok';
    } catch {
      return 'unreachable';
    }
  }

  private async checkTemporal(): Promise<Check> {
    try {
      await withTimeout(this.temporal.healthService.check({}), 2_000);
      return 'ok';
    } catch {
      return 'unreachable';
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);
}
