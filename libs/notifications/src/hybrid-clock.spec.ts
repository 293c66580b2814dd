import { FIRST_CLOCK_SEQ, HybridClock, seqAt } from './hybrid-clock';

describe('HybridClock (notice sequence numbers)', () => {
  it('is ms since epoch × 1000 plus the offset, counting up within a millisecond', () => {
    const clock = new HybridClock(() => 1_700_000_000_000, 7);
    expect(clock.next()).toBe(1_700_000_000_000_007);
    expect(clock.next()).toBe(1_700_000_000_000_008);
    expect(clock.next()).toBe(1_700_000_000_000_009);
  });

  it('never goes backwards, even when the wall clock does', () => {
    let now = 1_700_000_000_500;
    const clock = new HybridClock(() => now, 0);
    const first = clock.next();
    now -= 10_000;
    const second = clock.next();
    expect(second).toBe(first + 1);
    now += 20_000;
    expect(clock.next()).toBe(seqAt(now));
  });

  it('stays a safe integer, above the numbers of the earlier gap-free sequence', () => {
    const clock = new HybridClock();
    const seq = clock.next();
    expect(Number.isSafeInteger(seq)).toBe(true);
    expect(seq).toBeGreaterThan(FIRST_CLOCK_SEQ);
    // until the year 2255
    expect(Number.isSafeInteger(seqAt(Date.parse('2255-01-01T00:00:00Z')))).toBe(true);
  });
});
