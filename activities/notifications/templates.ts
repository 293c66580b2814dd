import { formatShanghai } from '@court/domain';
import type { NoticeFacts, NoticeKind } from './notice';

const SIGN = '【12368诉讼服务平台】';

function when(deadline: string | null | undefined): string {
  return deadline ? formatShanghai(deadline).slice(0, 16).replace('T', ' ') : '—';
}

/** The Chinese text of a notice. No caller name or phone goes to staff. */
export function renderNotice(kind: NoticeKind, facts: NoticeFacts): string {
  const ticket = facts.ticketId ? `工单${facts.ticketId}` : '';
  const type = facts.typeLabel ? `（${facts.typeLabel}）` : '';
  switch (kind) {
    case 'dispatch':
      return `${SIGN}${ticket}${type}已转办给${facts.handlerName ?? '您'}，请于${when(facts.deadline)}前办理并反馈结果。`;
    case 'warning':
      return `${SIGN}黄灯预警：${ticket}${type}将于${when(facts.deadline)}到期，请尽快办理并反馈。`;
    case 'red_light':
      return `${SIGN}红灯示警：${ticket}${type}已逾期未反馈，请立即办理。`;
    case 'reminder':
      return `${SIGN}催办：${ticket}${type}逾期未反馈（第${facts.reminders ?? 1}次催办），请督促承办人${facts.handlerName ?? ''}办理并反馈。`;
    case 'reminder_late':
      return `${SIGN}${ticket}${type}逾期已满1个工作日仍未催办，请督办。`;
    case 'bulletin':
      return `${SIGN}${ticket}${type}催办后仍未反馈，已列入通报。`;
    case 'escalation':
      return `${SIGN}紧急层报（第${facts.level ?? 1}级）：${ticket}${type}来电人有过激言行或反映情况紧急，请立即处理并确认。`;
    case 'leadership_report':
      return `${SIGN}层报：${ticket}来电人辱骂或骚扰，录音材料已整理，请审阅处理。`;
    case 'callback_due':
      return `${SIGN}${ticket}${type}待回访，请于${when(facts.deadline)}前回访来电人。`;
    case 'voicemail':
      return `${SIGN}有留言待处理（留言${facts.voicemailId ?? ''}），请于${when(facts.deadline)}前听取并登记工单。`;
  }
}
