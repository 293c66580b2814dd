import {
  DEADLINE_NAMES,
  formatTicketId,
  TICKET_STATUS_LABELS,
  TICKET_STATUSES,
  TICKET_TYPE_LABELS,
  TICKET_TYPES,
  TIMELINE_EVENT_KINDS,
  TIMELINE_EVENT_LABELS,
} from './ticket';

describe('ticket model', () => {
  it('has the six types of Article 3 with the court’s names', () => {
    expect(TICKET_TYPES.map((t) => TICKET_TYPE_LABELS[t])).toEqual([
      '案件查询',
      '诉讼咨询',
      '联系法官',
      '信访申诉',
      '投诉举报',
      '其他',
    ]);
  });

  it('has the statuses and deadlines of API.md (with `returned` of its lifecycle additions)', () => {
    expect(TICKET_STATUSES).toEqual([
      'open',
      'answered',
      'dispatched',
      'overdue',
      'reminded',
      'bulletined',
      'escalated',
      'handled',
      'closed',
      'returned',
    ]);
    expect(Object.keys(TICKET_STATUS_LABELS)).toEqual([...TICKET_STATUSES]);
    expect(DEADLINE_NAMES).toEqual([
      'dispatchBy',
      'feedbackBy',
      'reminderBy',
      'bulletinBy',
      'callbackBy',
    ]);
    expect(Object.keys(TIMELINE_EVENT_LABELS)).toEqual([...TIMELINE_EVENT_KINDS]);
  });

  it('formats ids as API.md shows them, by the Shanghai date', () => {
    expect(formatTicketId('2026-11-28T09:00:00+08:00', 1)).toBe('T20261128-0001');
    expect(formatTicketId('2026-11-27T16:30:00Z', 12)).toBe('T20261128-0012');
    expect(() => formatTicketId('2026-11-28T09:00:00+08:00', 0)).toThrow('正整数');
  });
});
