import { formatShanghai, maskPhone } from '@court/domain';
import type { NoticeFacts, NoticeKind } from './notice';

const SIGN = '【12368诉讼服务平台】';
export const DEFAULT_NOTICE_BASE_URL = 'http://127.0.0.1:3000';

/** Chinese names of the notice kinds (for supervisors' views and failure notices). */
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  dispatch: '转办通知',
  warning: '黄灯预警',
  red_light: '红灯示警',
  reminder: '催办',
  reminder_late: '逾期未催办提醒',
  bulletin: '通报',
  escalation: '紧急层报',
  leadership_report: '层报院领导',
  callback_due: '回访提醒',
  voicemail: '留言待办',
  sms_failed: '短信发送失败',
  escalation_unacknowledged: '层报未获确认',
  returned: '退回待改派',
  extension_requested: '延期申请',
  extension_decided: '延期审批结果',
  caller_receipt: '来电人登记回执',
};

/** The literal recipient of the caller's own SMS (the number is read from the ledger). */
export const CALLER_RECIPIENT = 'caller';

/** At most this many characters of a free-text reason or note in a notice. */
const NOTE_MAX = 60;

function when(deadline: string | null | undefined): string {
  return deadline ? formatShanghai(deadline).slice(0, 16).replace('T', ' ') : '—';
}

/** `12月5日17:30`: a deadline as the public reads it (Shanghai time). */
function whenForCaller(deadline: string): string {
  const local = formatShanghai(deadline);
  return `${Number(local.slice(5, 7))}月${Number(local.slice(8, 10))}日${local.slice(11, 16)}`;
}

const MOBILE_IN_TEXT = /(?<!\d)(?:\+?86[-\s]?)?(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;
const LANDLINE_IN_TEXT = /(?<![\d-])0\d{2,3}[-\s]?[2-9]\d{6,7}(?!\d)/g;

/**
 * A free-text reason or note as a notice quotes it: phone numbers masked as the logs mask
 * them (138****8000, 0371-****1234), shortened to NOTE_MAX characters, on one line.
 */
export function noticeNote(text: string | null | undefined): string {
  const masked = (text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(MOBILE_IN_TEXT, '$1****$2')
    .replace(LANDLINE_IN_TEXT, (m) => maskPhone(m));
  const chars = [...masked];
  return chars.length > NOTE_MAX ? `${chars.slice(0, NOTE_MAX - 1).join('')}…` : masked;
}

/** `1小时5分钟`, `30分钟`, `45秒`: how long something has waited, to the minute past an hour. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}秒`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}分钟`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours}小时` : `${hours}小时${rest}分钟`;
}

/** Where a notice's link points: the ticket, the voicemail, or the bulletins. */
export function noticeLink(kind: NoticeKind, facts: NoticeFacts, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  if (facts.ticketId) return `${base}/tickets/${encodeURIComponent(facts.ticketId)}`;
  if (kind === 'voicemail') {
    return facts.voicemailId
      ? `${base}/voicemails/${encodeURIComponent(facts.voicemailId)}`
      : `${base}/voicemails`;
  }
  if (kind === 'bulletin') return `${base}/bulletins`;
  if (kind === 'sms_failed') return `${base}/sms`;
  return base;
}

/** `（理由：…）`, or nothing without a reason. */
function because(reason: string | null | undefined): string {
  const note = noticeNote(reason);
  return note ? `（理由：${note}）` : '';
}

/** `（说明：…）`, or nothing without a note. */
function remark(note: string | null | undefined): string {
  const text = noticeNote(note);
  return text ? `（说明：${text}）` : '';
}

/**
 * The Chinese text of a notice, with the ticket id, the deadline where there is one, and a
 * link. No caller name or phone goes to staff: the facts carry none, and a free-text reason
 * is quoted with its phone numbers masked. The caller's receipt carries no link.
 */
export function renderNotice(
  kind: NoticeKind,
  facts: NoticeFacts,
  baseUrl: string = DEFAULT_NOTICE_BASE_URL,
): string {
  const ticket = facts.ticketId ? `工单${facts.ticketId}` : '';
  const type = facts.typeLabel ? `（${facts.typeLabel}）` : '';
  const link = `详见 ${noticeLink(kind, facts, baseUrl)}`;
  const deadline = facts.deadline ? `（期限${when(facts.deadline)}）` : '';
  switch (kind) {
    case 'dispatch':
      return `${SIGN}${ticket}${type}已转办给${facts.handlerName ?? '您'}，请于${when(facts.deadline)}前办理并反馈结果。${link}`;
    case 'warning':
      return `${SIGN}黄灯预警：${ticket}${type}将于${when(facts.deadline)}到期，请尽快办理并反馈。${link}`;
    case 'red_light':
      return `${SIGN}红灯示警：${ticket}${type}已逾期未反馈${deadline}，请立即办理。${link}`;
    case 'reminder':
      return `${SIGN}催办：${ticket}${type}逾期未反馈（第${facts.reminders ?? 1}次催办）${deadline}，请督促承办人${facts.handlerName ?? ''}办理并反馈。${link}`;
    case 'reminder_late':
      return `${SIGN}${ticket}${type}逾期已满1个工作日仍未催办${deadline}，请督办。${link}`;
    case 'bulletin':
      return `${SIGN}${ticket}${type}催办后仍未反馈，已列入通报。${link}`;
    case 'escalation':
      return `${SIGN}紧急层报（第${facts.level ?? 1}级）：${ticket}${type}来电人有过激言行或反映情况紧急，请立即处理并确认${deadline}。${link}`;
    case 'leadership_report':
      // The recording and the written material are attachments on the ticket page (the link).
      return `${SIGN}层报：${ticket}${type}来电人辱骂或骚扰，请审阅处理。录音及书面材料见工单页面附件，${link}`;
    case 'callback_due':
      return `${SIGN}${ticket}${type}待回访，请于${when(facts.deadline)}前回访来电人。${link}`;
    case 'voicemail':
      return `${SIGN}有留言待处理（留言${facts.voicemailId ?? ''}），请于${when(facts.deadline)}前听取并登记工单。${link}`;
    case 'sms_failed':
      return `${SIGN}短信发送失败：${ticket}发给${facts.recipientName ?? ''}的${facts.failedKind ? NOTICE_KIND_LABELS[facts.failedKind] : ''}短信未能送达（${facts.reason ?? '原因不明'}），请改用电话等方式通知。${link}`;
    case 'escalation_unacknowledged':
      return `${SIGN}层报未获确认：${ticket}${type}已层报至第${facts.level ?? 1}级领导，${formatElapsed(facts.unacknowledgedMs ?? 0)}仍未确认，已再次通知该级领导，请督办。${link}`;
    case 'returned':
      return `${SIGN}退回：${ticket}${type}被${facts.handlerName ?? '承办人'}退回${because(facts.reason)}，请改派。${link}`;
    case 'extension_requested':
      return `${SIGN}延期申请：${facts.handlerName ?? '承办人'}申请将${ticket}${type}反馈期限延至${when(facts.deadline)}${because(facts.reason)}，请审批。${link}`;
    case 'extension_decided':
      return facts.approved
        ? `${SIGN}延期已批准：${ticket}${type}反馈期限延至${when(facts.deadline)}${remark(facts.reason)}。${link}`
        : `${SIGN}延期未获批准：${ticket}${type}仍须于${when(facts.deadline)}前反馈${remark(facts.reason)}。${link}`;
    case 'caller_receipt':
      // To the caller: no link (the ticket page is for staff), no name, no phone.
      return `${SIGN}您反映的事项已登记，工单号${facts.ticketId ?? ''}，已转承办部门办理，承办人将${
        facts.deadline ? `于${whenForCaller(facts.deadline)}前` : '按期'
      }反馈办理情况。可致电12368查询。`;
  }
}

/**
 * The variables of the kind's approved template, for providers that send by template code
 * (Alibaba Cloud): `ticket`, `type`, `deadline`, `handler`, `count`, `level`, `link`. The
 * caller's receipt has no `link` (staff pages) and its `deadline` reads `12月5日17:30`.
 */
export function noticeParams(
  kind: NoticeKind,
  facts: NoticeFacts,
  baseUrl: string = DEFAULT_NOTICE_BASE_URL,
): Record<string, string> {
  const params: Record<string, string> = {
    ticket: facts.ticketId ?? facts.voicemailId ?? '',
    link: noticeLink(kind, facts, baseUrl),
  };
  if (facts.typeLabel) params.type = facts.typeLabel;
  if (facts.deadline) params.deadline = when(facts.deadline);
  if (facts.handlerName) params.handler = facts.handlerName;
  if (facts.reminders !== undefined) params.count = String(facts.reminders);
  if (facts.level !== undefined) params.level = String(facts.level);
  if (kind === 'caller_receipt') {
    delete params.link;
    if (facts.deadline) params.deadline = whenForCaller(facts.deadline);
  }
  return params;
}
