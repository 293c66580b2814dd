/** One SMS for a provider: the stored text, and the variables of the kind's template. */
export interface SmsRequest {
  /** The notice key (ticket, kind, recipient, occurrence): Alibaba Cloud's OutId. */
  key: string;
  to: string;
  kind: string;
  text: string;
  params: Record<string, string>;
}

export interface SmsAccepted {
  /** The provider's id of the accepted message (Alibaba Cloud: BizId), if any. */
  providerMessageId: string | null;
}

/**
 * How a provider call went wrong:
 * - `transient`: refused for now (throttling, provider busy): nothing was sent, try later;
 * - `permanent`: refused for good (invalid number, empty balance, template rejected): never
 *   retried;
 * - `in_doubt`: no clear answer (timeout, connection reset after the request went out): it
 *   may or may not have been sent.
 */
export type SmsFailureClass = 'transient' | 'permanent' | 'in_doubt';

export class SmsProviderError extends Error {
  /** Why, in Chinese, for supervisors (default: the provider's message). */
  readonly reason: string;

  constructor(
    readonly failureClass: SmsFailureClass,
    readonly code: string,
    message: string,
    reason?: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'SmsProviderError';
    this.reason = reason ?? (message || code);
  }
}

/** The one interface every SMS provider is reached through (SMS_PROVIDER chooses). */
export interface SmsProvider {
  readonly name: string;
  /**
   * Whether sending the same key twice is harmless (the provider de-duplicates, or nothing
   * leaves the machine). Only then is a send interrupted in doubt repeated.
   */
  readonly idempotent: boolean;
  /**
   * Storing the message is sending it (the outbox): a message due now is stored as `sent`
   * under its unique key, with no claim and no provider call.
   */
  readonly sendsOnInsert?: boolean;
  /** Resolves when the provider accepted the message; throws SmsProviderError otherwise. */
  send(request: SmsRequest): Promise<SmsAccepted>;
}

/**
 * The embedded default: the `sms_outbox` collection is the provider. The message is already
 * stored there, so "sending" it is marking it sent; nothing leaves the machine.
 */
export class OutboxSmsProvider implements SmsProvider {
  readonly name = 'outbox';
  readonly idempotent = true;
  readonly sendsOnInsert = true;

  async send(): Promise<SmsAccepted> {
    return { providerMessageId: null };
  }
}
