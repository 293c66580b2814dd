import { BadRequestException } from '@nestjs/common';
import type { SearchTicketsDto } from './dto/search-tickets.dto';
import { searchBoundary, searchCriteria } from './ticket-search-filter';

describe('ticket search filter', () => {
  it('a date bound is the Shanghai day: from its start, to the end of it', () => {
    expect(searchBoundary('2026-12-01', 'start')?.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(searchBoundary('2026-12-01', 'end')?.toISOString()).toBe('2026-12-01T16:00:00.000Z');
    expect(searchBoundary('2026-12-01T08:00:00+08:00', 'end')?.toISOString()).toBe(
      '2026-12-01T00:00:00.000Z',
    );
    expect(searchBoundary('yesterday', 'start')).toBeNull();
  });

  it('the criteria of the query, the keyword trimmed, the time window from its bounds', () => {
    const query = {
      status: 'open,dispatched',
      type: 'complaint',
      q: ' 豫0782 ',
      redLight: 'false',
      from: '2026-12-01',
    };
    expect(searchCriteria(query as SearchTicketsDto)).toEqual({
      statuses: ['open', 'dispatched'],
      keyword: '豫0782',
      type: 'complaint',
      redLight: false,
      received: { from: new Date('2026-11-30T16:00:00.000Z') },
    });
  });

  it('400 naming every bad field at once', () => {
    const query = { phone: 'abc', caseNumber: 'x', from: 'soon', to: 'later' } as SearchTicketsDto;
    let thrown: unknown;
    try {
      searchCriteria(query);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BadRequestException);
    const body = (thrown as BadRequestException).getResponse() as { errors: { field: string }[] };
    expect(body.errors.map((e) => e.field)).toEqual(['phone', 'caseNumber', 'from', 'to']);
  });
});
