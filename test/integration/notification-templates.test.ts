import {
  formatElapsed,
  type NoticeFacts,
  type NoticeKind,
  noticeParams,
  renderNotice,
} from '@court/notifications';

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
  'returned',
  'extension_requested',
  'extension_decided',
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

  it('the 4.7 report links the recording on the ticket page instead of claiming it exists', () => {
    const text = renderNotice('leadership_report', facts, 'https://12368.example.court');
    expect(text).not.toContain('已整理');
    expect(text).toContain('录音及书面材料见工单页面附件');
    expect(text).toContain('https://12368.example.court/tickets/T20261128-0001');
  });

  it('return and extension notices quote their reason, masked, and the deadline that applies', () => {
    const reason = '非本庭案件，来电人电话13912345678';
    const returned = renderNotice('returned', { ...facts, reason });
    expect(returned).toContain('被王法官退回');
    expect(returned).toContain('139****5678');
    expect(returned).toContain('请改派');
    expect(renderNotice('extension_requested', { ...facts, reason: '需调卷' })).toContain(
      '申请将工单T20261128-0001（投诉举报）反馈期限延至2026-12-01 09:00（理由：需调卷）',
    );
    expect(renderNotice('extension_decided', { ...facts, approved: true })).toContain('延期已批准');
    expect(renderNotice('extension_decided', { ...facts, approved: false })).toContain(
      '延期未获批准：工单T20261128-0001（投诉举报）仍须于2026-12-01 09:00前反馈',
    );
  });

  it('the caller’s receipt: ticket number and deadline, the sign, no link, no name, no phone', () => {
    const text = renderNotice('caller_receipt', facts, 'https://12368.example.court');
    expect(text).toBe(
      '【12368诉讼服务平台】您反映的事项已登记，工单号T20261128-0001，已转承办部门办理，承办人将于12月1日09:00前反馈办理情况。可致电12368查询。',
    );
    expect(text).not.toContain('http');
    expect(text).not.toContain('王法官');
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
