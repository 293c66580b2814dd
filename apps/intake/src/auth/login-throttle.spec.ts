import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  let now = 0;
  const throttle = () =>
    new LoginThrottle({ maxPerUser: 3, maxPerAddress: 5, windowMs: 60_000 }, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('refuses an account after its failures reach the limit, until the window passes', () => {
    const t = throttle();
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfterMs('judge01', '10.0.0.1')).toBe(0);
      t.recordFailure('judge01', '10.0.0.1');
    }
    expect(t.retryAfterMs('JUDGE01', '10.0.0.2')).toBe(60_000);
    now += 30_000;
    expect(t.retryAfterMs('judge01', '10.0.0.2')).toBe(30_000);
    now += 30_001;
    expect(t.retryAfterMs('judge01', '10.0.0.2')).toBe(0);
  });

  it('refuses an address that fails across many accounts', () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) t.recordFailure(`user${i}`, '10.0.0.9');
    expect(t.retryAfterMs('someone-else', '10.0.0.9')).toBeGreaterThan(0);
    expect(t.retryAfterMs('someone-else', '10.0.0.8')).toBe(0);
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
