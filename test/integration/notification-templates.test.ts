import {
  formatElapsed,
  type NoticeFacts,
  type NoticeKind,
  noticeParams,
  renderNotice,
} from '../../activities';

const KINDS: NoticeKind[] = [
  'dispatch',
  'warning',
  'red_light',
  'reminder',
  'reminder_late',
  'escalation',
  'bulletin',
  'callback_due',
  'voicemail',
  'leadership_report',
  'sms_failed',
  'escalation_unacknowledged',
];

const facts: NoticeFacts = {
  ticketId: 'T20261128-0001',
  typeLabel: '投诉举报',
  deadline: '2026-12-01T01:00:00Z',
  handlerName: '王法官',
  reminders: 2,
  level: 1,
  voicemailId: 'V20261128-0003',
  recipientName: '王法官',
  failedKind: 'dispatch',
  reason: 'isv.MOBILE_NUMBER_ILLEGAL',
  unacknowledgedMs: 95 * 60_000,
};

describe('notice templates (Chinese, per kind)', () => {
  it.each(KINDS)('%s renders with the sign, ticket id and link, and no phone number', (kind) => {
    const text = renderNotice(kind, facts, 'https://12368.example.court');
    expect(text.startsWith('【12368诉讼服务平台】')).toBe(true);
    expect(text).toMatch(/[\u4e00-\u9fa5]{4,}/);
    if (kind === 'voicemail') {
      expect(text).toContain('V20261128-0003');
      expect(text).toContain('https://12368.example.court/tickets/T20261128-0001');
    } else {
      expect(text).toContain('工单T20261128-0001');
      expect(text).toContain('详见 https://12368.example.court/tickets/T20261128-0001');
    }
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    expect(text).not.toContain('undefined');
    expect(text).not.toContain('null');
  });

  it.each(['dispatch', 'warning', 'callback_due', 'voicemail'] as const)(
    '%s shows its deadline in Shanghai time',
    (kind) => {
      expect(renderNotice(kind, facts)).toContain('2026-12-01 09:00');
    },
  );

  it('links default to PUBLIC_BASE_URL’s default, and to the voicemail without a ticket', () => {
    expect(renderNotice('red_light', facts)).toContain(
      'http://127.0.0.1:3000/tickets/T20261128-0001',
    );
    expect(renderNotice('voicemail', { ticketId: null, voicemailId: 'V1' })).toContain(
      'http://127.0.0.1:3000/voicemails/V1',
    );
  });

  it('the yellow warning says 黄灯, the escalation its level, the reminder its count', () => {
    expect(renderNotice('warning', facts)).toContain('黄灯预警');
    expect(renderNotice('escalation', { ...facts, level: 2 })).toContain('第2级');
    expect(renderNotice('reminder', facts)).toContain('第2次催办');
  });

  it('the supervisors’ alert of an unacknowledged escalation names the ticket, type, level and how long', () => {
    const text = renderNotice('escalation_unacknowledged', { ...facts, level: 2 });
    expect(text).toContain('工单T20261128-0001');
    expect(text).toContain('投诉举报');
    expect(text).toContain('第2级');
    expect(text).toContain('1小时35分钟');
    expect(formatElapsed(40_000)).toBe('40秒');
    expect(formatElapsed(30 * 60_000)).toBe('30分钟');
    expect(formatElapsed(2 * 3_600_000)).toBe('2小时');
  });

  it('template variables for providers that send by template code', () => {
    expect(noticeParams('dispatch', facts, 'https://x')).toEqual({
      ticket: 'T20261128-0001',
      link: 'https://x/tickets/T20261128-0001',
      type: '投诉举报',
      deadline: '2026-12-01 09:00',
      handler: '王法官',
      count: '2',
      level: '1',
    });
  });
});
