import { HealthController } from '@court/common';
import { Storage } from '@court/database';
import { TEMPORAL_CONNECTION, WorkerHost } from '@court/temporal';
import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { Connection as TemporalConnection } from '@temporalio/client';
import type { Response } from 'express';
import { TICKET_WORKER } from './ticket-worker.provider';

/**
 * `GET /health` of the ticket worker: the services' checks of the database and Temporal
 * (libs/common), and its Temporal worker RUNNING. 200 `{ status: 'ok' }` when all three hold,
 * else 503 with the failing check named.
 */
@Controller('health')
export class WorkerHealthController {
  private readonly dependencies: HealthController;

  constructor(
    storage: Storage,
    @Inject(TEMPORAL_CONNECTION) temporal: TemporalConnection,
    @Inject(TICKET_WORKER) private readonly worker: WorkerHost,
  ) {
    this.dependencies = new HealthController(storage, temporal);
  }

  @Get()
  async health(@Res({ passthrough: true }) response: Response) {
    const { checks } = await this.dependencies.health(response);
    const worker = this.worker.isRunning() ? 'ok' : 'not running';
    const healthy = checks.database === 'ok' && checks.temporal === 'ok' && worker === 'ok';
    response.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: healthy ? 'ok' : 'unavailable', checks: { ...checks, worker } };
  }
}
