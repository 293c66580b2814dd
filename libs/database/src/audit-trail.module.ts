import {
  createParamDecorator,
  type DynamicModule,
  type ExecutionContext,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  ServiceUnavailableException,
} from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { type AuditAction, AuditStore } from './audit-store';

const AUDIT_SERVICE_NAME = Symbol('AUDIT_SERVICE_NAME');

/** Who did it and in which request: the signed-in principal and the request id. */
export interface AuditSource {
  actor: string;
  requestId: string | null;
}

/** `@Audited() by: AuditSource` — the signed-in person and the request id, for the trail. */
export const Audited = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuditSource => {
    const request = context.switchToHttp().getRequest<{ user?: { id?: string }; id?: string }>();
    return { actor: request.user?.id ?? 'anonymous', requestId: request.id ?? null };
  },
);

export interface AuditRecord {
  action: AuditAction;
  ticketId?: string | null;
  target?: string | null;
  detail: string;
}

/**
 * The audit trail every service writes to (docs/intake.md, "Audit trail"), one insert per action.
 *
 * - `changed`: after a change is made. The change stands whatever happens to its entry: a
 *   failed write is logged as an error (with everything the entry would have held, phone
 *   numbers masked) and the caller still gets the answer.
 * - `revealing`: before personal data (a full phone number) is answered. It fails closed —
 *   503 and nothing shown — because a read the court cannot account for is exactly what the
 *   trail exists to prevent; the person can retry, nothing was changed.
 */
@Injectable()
export class AuditTrail {
  private readonly logger = new Logger('AuditTrail');
  readonly store: AuditStore;

  constructor(
    @InjectConnection() connection: Connection,
    @Inject(AUDIT_SERVICE_NAME) private readonly service: string,
  ) {
    this.store = AuditStore.of(connection);
  }

  async changed(by: AuditSource, record: AuditRecord): Promise<void> {
    try {
      await this.store.append({ ...by, ...record, service: this.service });
    } catch (error) {
      this.logger.error(
        `审计记录写入失败（操作已完成）AUDIT WRITE FAILED: ${JSON.stringify({ ...by, ...record })}: ${
          (error as Error).message
        }`,
      );
    }
  }

  async revealing(by: AuditSource, record: AuditRecord): Promise<void> {
    try {
      await this.store.append({ ...by, ...record, service: this.service });
    } catch (error) {
      this.logger.error(
        `审计记录写入失败，拒绝返回个人信息 AUDIT WRITE FAILED (read refused): ${JSON.stringify({
          ...by,
          ...record,
        })}: ${(error as Error).message}`,
      );
      throw new ServiceUnavailableException(
        '审计记录暂时无法写入，为保护个人信息暂不显示，请稍后重试',
      );
    }
  }
}

@Global()
@Module({})
export class AuditTrailModule {}

/**
 * Makes `AuditTrail` injectable everywhere in a service (import once, beside DatabaseModule);
 * `service` is the name every entry of this process carries (intake, reporting, notification).
 */
export function auditTrailModule(service: string): DynamicModule {
  return {
    module: AuditTrailModule,
    global: true,
    providers: [{ provide: AUDIT_SERVICE_NAME, useValue: service }, AuditTrail],
    exports: [AuditTrail],
  };
}
