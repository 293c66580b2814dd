import { BadRequestException } from '@nestjs/common';
import { extensionUntil } from './extension-until';

const NOW = Date.parse('2026-12-01T02:00:00Z');

function refusal(until: string): string {
  try {
    extensionUntil(until, NOW);
  } catch (error) {
    if (error instanceof BadRequestException)
      return (error.getResponse() as { message: string }).message;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('extensionUntil', () => {
  it('a date means the end of that Shanghai day (23:59)', () => {
    expect(extensionUntil('2026-12-10', NOW)).toBe('2026-12-10T15:59:00.000Z');
  });

  it('an ISO instant is taken as it is', () => {
    expect(extensionUntil('2026-12-10T17:30:00+08:00', NOW)).toBe('2026-12-10T09:30:00.000Z');
  });

  it('neither a date nor an instant, or not later than now → 400 on until', () => {
    expect(refusal('next week')).toContain('延期至应为日期或带时区的 ISO 时间');
    expect(refusal('2026-12-01T02:00:00Z')).toBe('延期至的时间应晚于现在');
  });
});
