import { dependencyDown } from '@court/common';
import { TEMPORAL_CLIENT } from '@court/temporal';
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';

/** How long a probe may take: with the client's own retries of an unreachable server, 1 s. */
export const PROBE_TIMEOUT_MS = 1_000;
/** A probe that answered vouches for Temporal this long (one probe per burst of calls). */
const TRUST_MS = 1_000;

/**
 * Whether Temporal answers, asked before anything is stored: a request that needs a workflow
 * fails fast with 503 and leaves nothing behind, instead of writing first and waiting out the
 * client's retries. Concurrent requests share one probe.
 */
@Injectable()
export class TemporalAvailability {
  private answeredAt = 0;
  private probing: Promise<void> | null = null;

  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  /** Resolves when Temporal answers; throws 503 when it does not within PROBE_TIMEOUT_MS. */
  async ensure(): Promise<void> {
    if (Date.now() - this.answeredAt < TRUST_MS) return;
    this.probing ??= this.probe().finally(() => {
      this.probing = null;
    });
    await this.probing;
  }

  private async probe(): Promise<void> {
    try {
      await this.temporal.withDeadline(Date.now() + PROBE_TIMEOUT_MS, () =>
        this.temporal.workflowService.getSystemInfo({}),
      );
      this.answeredAt = Date.now();
    } catch {
      // Whatever the probe's failure, Temporal did not answer a call that cannot be refused.
      throw dependencyDown('temporal');
    }
  }
}
