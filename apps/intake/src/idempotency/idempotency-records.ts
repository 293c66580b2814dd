import type { IdempotencyKeyDoc } from '@court/database';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  UnprocessableEntityException,
} from '@nestjs/common';
import { INTAKE_SETTINGS, type IntakeSettings } from '../intake-settings';
import { INTAKE_STORE, type IntakeStore } from '../intake-store';

const DAY_MS = 24 * 60 * 60 * 1000;
const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * The stored `Idempotency-Key`s, kept for `IDEMPOTENCY_TTL_DAYS`: an older record counts as
 * absent whenever it is read (so expiry is exact), and an hourly purge removes them.
 */
@Injectable()
export class IdempotencyRecords implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Idempotency');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(INTAKE_STORE) private readonly store: IntakeStore,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
  ) {}

  private cutoff(now = Date.now()): Date {
    return new Date(now - this.settings.idempotencyTtlDays * DAY_MS);
  }

  /** The live record of this key, or null (none, or expired — then it is removed). */
  async find(key: string): Promise<IdempotencyKeyDoc | null> {
    const record = await this.store.idempotencyKeys.byId(key);
    if (!record) return null;
    if (record.createdAt >= this.cutoff()) return record;
    await this.store.idempotencyKeys.remove(key, record.createdAt);
    return null;
  }

  /** Stores a new record; false when another request stored the same key first. */
  async create(record: Omit<IdempotencyKeyDoc, 'createdAt' | 'completedAt' | 'response'>) {
    await this.store.idempotencyKeys.insert({
      ...record,
      response: null,
      createdAt: new Date(),
      completedAt: null,
    });
  }

  async saveResponse(key: string, response: object): Promise<void> {
    await this.store.idempotencyKeys.saveResponse(key, response, new Date());
  }

  async purge(now = Date.now()): Promise<number> {
    const deletedCount = await this.store.idempotencyKeys.removeOlderThan(this.cutoff(now));
    if (deletedCount > 0) {
      this.logger.log(`删除 ${deletedCount} 条过期的 Idempotency-Key 记录 (expired keys purged)`);
    }
    return deletedCount;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.purge().catch((error: Error) =>
        this.logger.warn(`过期 Idempotency-Key 清理失败，稍后重试：${error.message}`),
      );
    }, PURGE_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

export function keyReused(): UnprocessableEntityException {
  return new UnprocessableEntityException(
    '该 Idempotency-Key 已用于另一请求内容，请为新请求使用新的 Idempotency-Key',
  );
}
