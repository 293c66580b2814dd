import type {
  DirectoryRepository,
  SmsMessageDoc,
  SmsOutboxRepository,
  SmsStatus,
} from '@court/database';
import { maskPhone, type QuietHours, smsSendableAt } from '@court/domain';
import { countNotice } from '@court/telemetry';
import { CALLER_RECIPIENT, formatElapsed } from '../templates';
import { type SmsProvider, SmsProviderError } from './sms-provider';
import { retryDelayMs, type SmsRetryPolicy } from './sms-retry';

/**
 * What became of one SMS in one dispatch:
 * - `sent`, `failed`, `unknown`: final (now or before);
 * - `held`: waits out the quiet hours; `queued`: waits out a back-off after a refusal for now;
 * - `busy`: another sender holds the claim right now.
 */
export type DispatchOutcome = 'sent' | 'failed' | 'unknown' | 'held' | 'queued' | 'busy';

const FINAL = new Set<SmsStatus>(['sent', 'failed', 'unknown']);
export const NO_PHONE = {
  failure: 'no_phone: 通讯录中无此人手机号',
  reason: '通讯录中无此人手机号',
};

interface Failure {
  failure: string;
  reason: string;
  providerCode?: string | null;
  attempts?: number;
}

export interface SmsDispatcherDeps {
  outbox: SmsOutboxRepository;
  /** Where a recipient's name is read, to tell the supervisors whose SMS failed. */
  directory: DirectoryRepository;
  provider: SmsProvider;
  /** This process, as it signs its claims. */
  instanceId: string;
  now: () => Date;
  /** A claim by another process older than this, never finished, counts as interrupted. */
  staleClaimMs: number;
  retry: SmsRetryPolicy;
  /** Told when an SMS becomes due later (quiet hours, back-off, a claim to re-check). */
  onDueLater: (at: Date) => void;
  /** The supervisors' in-app alert of an SMS that did not go out (once per SMS). */
  tellSupervisors: (
    message: Pick<SmsMessageDoc, '_id' | 'ticketId' | 'kind'>,
    name: string,
    reason: string,
  ) => Promise<void>;
  logger: { log(message: string): void; warn(message: string): void };
}

/**
 * Sends stored SMS through the provider, at most once per key, from any process:
 * - a provider call needs a claim: inserting `sms_claims` `_id` = `<key>#<attempt>` (unique).
 *   Only the inserter calls the provider for that attempt, and only the claim holder writes
 *   the message's outcome (FerretDB rewrites a document without a lock). `attempt` moves on
 *   only after the provider clearly refused for now, so the provider accepts a key at most
 *   once;
 * - refused for now → `queued` again after a back-off, at most `retry.maxAttempts` calls in
 *   all, then `failed`; refused for good → `failed` at once; supervisors are told of each;
 * - a claim found without a recorded outcome (the sender crashed, or timed out, between the
 *   claim and recording the provider's answer) is "in doubt". An idempotent provider (the
 *   outbox) is simply called again. A provider that would send twice (Alibaba Cloud: OutId is
 *   a correlation id, not a de-duplication key) is NOT called again: the SMS is marked
 *   `unknown` and supervisors are told. At most once, by choice: a duplicate SMS cannot be
 *   taken back, an SMS in doubt is visible, and the in-app notice of the same key is stored
 *   before any SMS is tried, so the Art. 5 prompt is never lost.
 */
export class SmsDispatcher {
  private readonly inFlight = new Set<string>();

  constructor(private readonly deps: SmsDispatcherDeps) {}

  /**
   * Sends one stored SMS if it is due and nobody else is sending it. Safe to call any number
   * of times, from any process: the claim decides who calls the provider.
   */
  async dispatch(id: string): Promise<DispatchOutcome> {
    const { outbox } = this.deps;
    const message = await outbox.byId(id);
    if (!message) throw new Error(`SMS ${id} is not stored`);
    if (FINAL.has(message.status)) return message.status as DispatchOutcome;
    const now = this.deps.now();
    if (
      (message.status === 'held' || message.status === 'queued') &&
      message.sendAfter &&
      message.sendAfter > now
    ) {
      this.deps.onDueLater(message.sendAfter);
      return message.status;
    }
    if (!message.to) return this.fail(message, 'failed', NO_PHONE);

    const attempt = message.attempts ?? 0;
    const claimId = `${id}#${attempt}`;
    const claimed = await outbox.claim({
      _id: claimId,
      smsId: id,
      attempt,
      claimedBy: this.deps.instanceId,
      claimedAt: now,
    });
    if (!claimed) {
      if (this.inFlight.has(id)) return 'busy';
      // The claim's holder may have finished since we read the message (the send queue and
      // the release timer can both pick it up): then its outcome stands.
      const current = await outbox.progressOf(id);
      if (current && FINAL.has(current.status)) return current.status as DispatchOutcome;
      if (current && (current.attempts ?? 0) !== attempt) return 'queued';
      const claim = await outbox.claimById(claimId);
      const age = claim ? now.getTime() - claim.claimedAt.getTime() : Number.POSITIVE_INFINITY;
      if (claim && claim.claimedBy !== this.deps.instanceId && age < this.deps.staleClaimMs) {
        this.deps.onDueLater(new Date(claim.claimedAt.getTime() + this.deps.staleClaimMs));
        return 'busy';
      }
      // In doubt: claimed, and no outcome recorded.
      if (!this.deps.provider.idempotent) {
        const at = claim?.claimedAt.toISOString() ?? '?';
        return this.fail(message, 'unknown', {
          failure: `in_doubt: 发送中断（认领于${at}），服务商不支持去重，不再重发，请人工核实`,
          reason: '发送中断，无法确定是否已发出，不再重发，请在服务商控制台按 OutId 核实',
        });
      }
      this.deps.logger.warn(
        `SMS ${id}: claim ${claimId} in doubt; the provider is idempotent, resend`,
      );
    }
    return this.callProvider(message, attempt);
  }

  private async callProvider(message: SmsMessageDoc, attempt: number): Promise<DispatchOutcome> {
    const { outbox } = this.deps;
    const id = message._id;
    this.inFlight.add(id);
    try {
      const calledAt = this.deps.now();
      await outbox.update(id, {
        status: 'sending',
        claimedAt: calledAt,
        claimedBy: this.deps.instanceId,
        lastAttemptAt: calledAt,
      });
      try {
        const accepted = await this.deps.provider.send({
          key: id,
          to: message.to!,
          kind: message.kind,
          text: message.text,
          params: message.params ?? {},
        });
        await outbox.update(id, {
          status: 'sent',
          sentAt: this.deps.now(),
          provider: this.deps.provider.name,
          providerMessageId: accepted.providerMessageId,
          sendAfter: null,
        });
        countNotice('sms', 'sent');
        this.deps.logger.log(
          `SMS ${id} (${message.kind}) to ${maskPhone(message.to)} accepted by ${this.deps.provider.name}`,
        );
        return 'sent';
      } catch (error) {
        if (!(error instanceof SmsProviderError)) throw error;
        if (error.failureClass === 'transient') {
          return this.refusedForNow(message, attempt + 1, error);
        }
        return this.fail(message, error.failureClass === 'permanent' ? 'failed' : 'unknown', {
          failure: `${error.failureClass}: ${error.message}`,
          reason: error.reason,
          providerCode: error.code,
        });
      }
    } finally {
      this.inFlight.delete(id);
    }
  }

  /** A refusal for now: due again after the back-off, or `failed` after the last attempt. */
  private async refusedForNow(
    message: SmsMessageDoc,
    refusals: number,
    error: SmsProviderError,
  ): Promise<DispatchOutcome> {
    const failure = `transient: ${error.message}`;
    if (refusals >= this.deps.retry.maxAttempts) {
      return this.fail(message, 'failed', {
        failure,
        reason: `${error.reason}；已发送${refusals}次均被拒绝，不再重试`,
        providerCode: error.code,
        attempts: refusals,
      });
    }
    const delay = retryDelayMs(this.deps.retry, refusals);
    const due = this.deps.now().getTime() + delay;
    const retryAt = new Date(
      message.urgent ? due : smsSendableAt((message.quietHours as QuietHours) ?? null, due),
    );
    await this.deps.outbox.update(message._id, {
      status: 'queued',
      sendAfter: retryAt,
      attempts: refusals,
      failure,
      providerCode: error.code,
      reason: `${error.reason}；第${refusals}次发送被拒，${formatElapsed(delay)}后重试`,
    });
    this.deps.onDueLater(retryAt);
    this.deps.logger.warn(
      `SMS ${message._id} to ${maskPhone(message.to)} refused for now (${error.code}, ${refusals}/${this.deps.retry.maxAttempts}); retry at ${retryAt.toISOString()}`,
    );
    return 'queued';
  }

  /** Records a final failure on the message and tells the supervisors (once per key). */
  private async fail(
    message: SmsMessageDoc,
    status: 'failed' | 'unknown',
    failure: Failure,
  ): Promise<DispatchOutcome> {
    // not over an outcome another sender recorded meanwhile
    const recorded = await this.deps.outbox.recordFailure(message._id, {
      status,
      failure: failure.failure,
      reason: failure.reason,
      providerCode: failure.providerCode ?? null,
      provider: this.deps.provider.name,
      ...(failure.attempts !== undefined ? { attempts: failure.attempts } : {}),
    });
    if (!recorded) {
      const current = await this.deps.outbox.statusOf(message._id);
      return (current?.status ?? status) as DispatchOutcome;
    }
    countNotice('sms', 'failed');
    this.deps.logger.warn(
      `SMS ${message._id} (${message.kind}) to ${maskPhone(message.to)} ${status}: ${failure.failure}`,
    );
    // The caller is no person of the directory: named as such, never by number.
    const person =
      message.recipientId === CALLER_RECIPIENT
        ? { name: '来电人' }
        : await this.deps.directory.personById(message.recipientId);
    const code = failure.providerCode ? `，${failure.providerCode}` : '';
    await this.deps.tellSupervisors(
      message,
      person?.name ?? message.recipientId,
      `${failure.reason}${code}`,
    );
    return status;
  }
}
