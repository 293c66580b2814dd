import type { NoticeFacts } from './notice';
import { NOTICE_KIND_LABELS, noticeNote, noticeParams, renderNotice } from './templates';

const BASE = 'https://12368.example.court';
const LINK = `${BASE}/tickets/T20261202-0001`;
const FULL_MOBILE = /1[3-9]\d{9}/;

describe('templates of the return, extension and caller-receipt notices', () => {
  describe('returned (agents and supervisors, in-app)', () => {
    const facts: NoticeFacts = {
      ticketId: 'T20261202-0001',
      typeLabel: '投诉举报',
      handlerName: '王法官',
      reason: '不属本庭管辖，应转立案庭',
    };

    it('names the ticket, who returned it, the reason, asks to reassign, links the ticket', () => {
      const text = renderNotice('returned', facts, BASE);
      expect(text).toBe(
        `【12368诉讼服务平台】退回：工单T20261202-0001（投诉举报）被王法官退回（理由：不属本庭管辖，应转立案庭），请改派。详见 ${LINK}`,
      );
    });

    it('reads without a reason or a name', () => {
      const text = renderNotice('returned', { ticketId: 'T20261202-0001' }, BASE);
      expect(text).toBe(
        `【12368诉讼服务平台】退回：工单T20261202-0001被承办人退回，请改派。详见 ${LINK}`,
      );
    });

    it('masks a phone number in the reason and shortens a long one', () => {
      const text = renderNotice(
        'returned',
        { ...facts, reason: `来电人另留电话13800138000，请联系；${'很长的理由'.repeat(20)}` },
        BASE,
      );
      expect(text).toContain('138****8000');
      expect(text).not.toMatch(FULL_MOBILE);
      const quoted = /（理由：(.*)）/.exec(text)?.[1] ?? '';
      expect(quoted.endsWith('…')).toBe(true);
      expect([...quoted]).toHaveLength(60);
    });
  });

  describe('extension_requested (department head by SMS, or supervisors in-app)', () => {
    it('names the handler, the ticket, the requested deadline in Shanghai time and the reason', () => {
      const text = renderNotice(
        'extension_requested',
        {
          ticketId: 'T20261202-0001',
          typeLabel: '投诉举报',
          handlerName: '王法官',
          deadline: '2026-12-08T09:30:00Z',
          reason: '需调取卷宗',
        },
        BASE,
      );
      expect(text).toBe(
        `【12368诉讼服务平台】延期申请：王法官申请将工单T20261202-0001（投诉举报）反馈期限延至2026-12-08 17:30（理由：需调取卷宗），请审批。详见 ${LINK}`,
      );
    });
  });

  describe('extension_decided (the handler)', () => {
    const facts: NoticeFacts = {
      ticketId: 'T20261202-0001',
      typeLabel: '投诉举报',
      deadline: '2026-12-08T09:30:00Z',
    };

    it('approved: the new deadline, and the note when there is one', () => {
      expect(renderNotice('extension_decided', { ...facts, approved: true }, BASE)).toBe(
        `【12368诉讼服务平台】延期已批准：工单T20261202-0001（投诉举报）反馈期限延至2026-12-08 17:30。详见 ${LINK}`,
      );
      expect(
        renderNotice('extension_decided', { ...facts, approved: true, reason: '请按期办结' }, BASE),
      ).toContain('延至2026-12-08 17:30（说明：请按期办结）。');
    });

    it('refused: the deadline that stands, and the decider’s note', () => {
      const text = renderNotice(
        'extension_decided',
        { ...facts, deadline: '2026-12-05T09:30:00Z', approved: false, reason: '理由不充分' },
        BASE,
      );
      expect(text).toBe(
        `【12368诉讼服务平台】延期未获批准：工单T20261202-0001（投诉举报）仍须于2026-12-05 17:30前反馈（说明：理由不充分）。详见 ${LINK}`,
      );
      expect(
        renderNotice('extension_decided', { ...facts, approved: false, reason: null } as never),
      ).not.toContain('null');
    });
  });

  describe('caller_receipt (the caller, by SMS)', () => {
    const facts: NoticeFacts = {
      ticketId: 'T20261202-0001',
      typeLabel: '投诉举报',
      deadline: '2026-12-05T09:30:00Z',
    };

    it('gives the ticket number and the feedback deadline in Shanghai time, and no link', () => {
      expect(renderNotice('caller_receipt', facts, BASE)).toBe(
        '【12368诉讼服务平台】您反映的事项已登记，工单号T20261202-0001，已转承办部门办理，承办人将于12月5日17:30前反馈办理情况。可致电12368查询。',
      );
    });

    it('reads the date in Shanghai across midnight UTC, and without a deadline', () => {
      expect(
        renderNotice('caller_receipt', { ...facts, deadline: '2026-12-31T16:30:00Z' }, BASE),
      ).toContain('将于1月1日00:30前反馈');
      const text = renderNotice('caller_receipt', { ticketId: 'T20261202-0001' }, BASE);
      expect(text).toContain('承办人将按期反馈办理情况');
      expect(text).not.toContain('undefined');
    });

    it('its template variables carry no staff link', () => {
      expect(noticeParams('caller_receipt', facts, BASE)).toEqual({
        ticket: 'T20261202-0001',
        type: '投诉举报',
        deadline: '12月5日17:30',
      });
    });
  });

  it('every new kind has a Chinese label', () => {
    for (const kind of [
      'returned',
      'extension_requested',
      'extension_decided',
      'caller_receipt',
    ] as const) {
      expect(NOTICE_KIND_LABELS[kind]).toMatch(/^[\u4e00-\u9fa5]+$/);
    }
  });

  it('leadership_report links the ticket page for the recording instead of claiming it', () => {
    const text = renderNotice(
      'leadership_report',
      { ticketId: 'T20261202-0001', typeLabel: '投诉举报' },
      BASE,
    );
    expect(text).not.toContain('已整理');
    expect(text).toContain('录音及书面材料见工单页面附件');
    expect(text).toContain(LINK);
  });

  it('quotes notes with mobiles and landlines masked as in the logs', () => {
    expect(noticeNote('请回电 13800138000 或 0371-63211234')).toBe(
      '请回电 138****8000 或 0371-****1234',
    );
    expect(noticeNote('+86 13800138000')).toBe('138****8000');
    expect(noticeNote('案号（2026）豫0105民初1234号，T20261202-0001')).toBe(
      '案号（2026）豫0105民初1234号，T20261202-0001',
    );
    expect(noticeNote(null)).toBe('');
    expect(noticeNote('  多行\n理由  ')).toBe('多行 理由');
  });
});
