import { BadRequestException } from '@nestjs/common';
import type { SearchTicketsDto } from './dto/search-tickets.dto';
import { keywordFilter, searchBoundary, searchConditions } from './ticket-search-filter';

describe('ticket search filter', () => {
  it('a keyword is matched as typed, pattern characters escaped, in six fields', () => {
    const filter = keywordFilter('(2026)豫0782') as { $or: Record<string, unknown>[] };
    expect(filter.$or).toHaveLength(6);
    expect(filter.$or[0]).toEqual({ _id: { $regex: '\\(2026\\)豫0782', $options: 'i' } });
  });

  it('a date bound is the Shanghai day: from its start, to the end of it', () => {
    expect(searchBoundary('2026-12-01', 'start')?.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(searchBoundary('2026-12-01', 'end')?.toISOString()).toBe('2026-12-01T16:00:00.000Z');
    expect(searchBoundary('2026-12-01T08:00:00+08:00', 'end')?.toISOString()).toBe(
      '2026-12-01T00:00:00.000Z',
    );
    expect(searchBoundary('yesterday', 'start')).toBeNull();
  });

  it('conditions in order, the time window last', () => {
    const query = { status: 'open,dispatched', type: 'complaint', from: '2026-12-01' };
    expect(searchConditions(query as SearchTicketsDto)).toEqual([
      { status: { $in: ['open', 'dispatched'] } },
      { type: 'complaint' },
      { receivedAt: { $gte: new Date('2026-11-30T16:00:00.000Z') } },
    ]);
  });

  it('400 naming every bad field at once', () => {
    const query = { phone: 'abc', caseNumber: 'x', from: 'soon', to: 'later' } as SearchTicketsDto;
    let thrown: unknown;
    try {
      searchConditions(query);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BadRequestException);
    const body = (thrown as BadRequestException).getResponse() as { errors: { field: string }[] };
    expect(body.errors.map((e) => e.field)).toEqual(['phone', 'caseNumber', 'from', 'to']);
  });
});
