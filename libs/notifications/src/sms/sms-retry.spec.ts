import { DEFAULT_SMS_RETRY, retryDelayMs } from './sms-retry';

describe('SMS retry back-off', () => {
  it('doubles from the first wait up to the cap', () => {
    const policy = { maxAttempts: 5, backoffMs: 60_000, maxBackoffMs: 300_000 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(policy, n))).toEqual([
      60_000, 120_000, 240_000, 300_000, 300_000,
    ]);
  });

  it('by default: 5 calls in all, waits of 1, 2, 4, 8 min between them', () => {
    expect(DEFAULT_SMS_RETRY.maxAttempts).toBe(5);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(DEFAULT_SMS_RETRY, n) / 60_000)).toEqual([
      1, 2, 4, 8,
    ]);
  });
});
