import { ticketSearchFilter } from './ticket-search';

describe('ticket search filter', () => {
  it('a keyword is matched as typed, pattern characters escaped, in six fields', () => {
    const filter = ticketSearchFilter({ keyword: '(2026)豫0782' }) as {
      $and: { $or: Record<string, unknown>[] }[];
    };
    const keyword = filter.$and[0]!;
    expect(keyword.$or).toHaveLength(6);
    expect(keyword.$or[0]).toEqual({ _id: { $regex: '\\(2026\\)豫0782', $options: 'i' } });
  });

  it('conditions in order, the time window after them, the reader scope last', () => {
    const filter = ticketSearchFilter({
      statuses: ['open', 'dispatched'],
      type: 'complaint',
      received: { from: new Date('2026-11-30T16:00:00.000Z') },
      readableBy: { handlerId: 'h1', departmentIds: ['d1'] },
    });
    expect(filter).toEqual({
      $and: [
        { status: { $in: ['open', 'dispatched'] } },
        { type: 'complaint' },
        { receivedAt: { $gte: new Date('2026-11-30T16:00:00.000Z') } },
        { $or: [{ handlerId: 'h1' }, { departmentId: { $in: ['d1'] } }] },
      ],
    });
  });

  it('no criteria: every ticket', () => {
    expect(ticketSearchFilter({})).toEqual({});
  });
});
