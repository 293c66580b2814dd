/** How often, and how soon, an SMS the provider refused for now is tried again. */
export interface SmsRetryPolicy {
  /** Provider calls in all, the first included; still refused after the last → `failed`. */
  maxAttempts: number;
  /** The wait after the first refusal, doubled after each further one … */
  backoffMs: number;
  /** … up to this. */
  maxBackoffMs: number;
}

export const DEFAULT_SMS_RETRY: SmsRetryPolicy = {
  maxAttempts: 5,
  backoffMs: 60_000,
  maxBackoffMs: 30 * 60_000,
};

/** The wait before the next call, after `refusals` refusals (1 or more). */
export function retryDelayMs(policy: SmsRetryPolicy, refusals: number): number {
  return Math.min(policy.backoffMs * 2 ** Math.max(0, refusals - 1), policy.maxBackoffMs);
}
