import { backoffMs, LoginThrottle } from './login-throttle';

describe('backoffMs', () => {
  it('is free up to the limit, then doubles from the base up to the cap', () => {
    const waits = [0, 1, 2, 3, 4, 5, 6, 7, 8, 30, 1000].map((n) => backoffMs(n, 3, 1000, 16_000));
    expect(waits).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 16_000, 16_000, 16_000, 16_000]);
  });
});

describe('LoginThrottle', () => {
  let now = 0;
  const throttle = () =>
    new LoginThrottle(
      {
        maxPerUser: 3,
        maxPerAddress: 5,
        windowMs: 60_000,
        backoffBaseMs: 1_000,
        backoffMaxMs: 8_000,
      },
      () => now,
    );

  beforeEach(() => {
    now = 1_000_000;
  });

  it('slows an account down exponentially after its free failures, capped', () => {
    const t = throttle();
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfterMs('judge01', `10.0.0.${i}`)).toBe(0);
      t.recordFailure('judge01', `10.0.0.${i}`);
    }
    // from any address, case-insensitively
    expect(t.retryAfterMs('JUDGE01', '10.0.1.1')).toBe(1_000);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const wait = t.retryAfterMs('judge01', '10.0.1.1');
      waits.push(wait);
      now += wait;
      expect(t.retryAfterMs('judge01', '10.0.1.1')).toBe(0);
      t.recordFailure('judge01', `10.0.2.${i}`);
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });

  it('never locks an account for longer than the cap, and forgets after the window', () => {
    const t = throttle();
    for (let i = 0; i < 50; i++) t.recordFailure('agent01', `10.0.3.${i}`);
    expect(t.retryAfterMs('agent01', '10.0.9.9')).toBe(8_000);
    now += 8_000;
    expect(t.retryAfterMs('agent01', '10.0.9.9')).toBe(0);
    now += 60_000;
    expect(t.failuresOf('agent01')).toBe(0);
  });

  it('refuses an address that fails across many accounts', () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) t.recordFailure(`user${i}`, '10.0.0.9');
    expect(t.retryAfterMs('someone-else', '10.0.0.9')).toBe(60_000);
    expect(t.retryAfterMs('someone-else', '10.0.0.8')).toBe(0);
    now += 60_001;
    expect(t.retryAfterMs('someone-else', '10.0.0.9')).toBe(0);
  });

  it('clears an account on success but keeps the address count', () => {
    const t = throttle();
    for (let i = 0; i < 3; i++) t.recordFailure('agent01', '10.0.0.1');
    t.recordSuccess('agent01');
    expect(t.retryAfterMs('agent01', '10.0.0.3')).toBe(0);
    t.recordFailure('x', '10.0.0.1');
    t.recordFailure('y', '10.0.0.1');
    expect(t.retryAfterMs('agent01', '10.0.0.1')).toBeGreaterThan(0);
  });
});
