import {
  TICKET_STATUSES,
  TICKET_TYPES,
  TIMELINE_EVENT_LABELS,
} from '../../../../libs/domain/src/ticket';

/** The statuses the ticket search and the ledger filter by (the domain's, `returned` included). */
export const QUERYABLE_STATUSES = TICKET_STATUSES;
/** The ticket types of Article 3, in the domain's order. */
export const TICKET_TYPE_CODES = TICKET_TYPES;

/** The words UI.md gives for the API's codes (the UI's vocabulary, not the domain's longer one). */

export const TYPE_LABELS = {
  case_inquiry: '案件查询',
  litigation_consultation: '诉讼咨询',
  contact_judge: '联系法官',
  petition: '信访',
  complaint: '投诉举报',
  other: '其他',
} as const;
export type TicketType = keyof typeof TYPE_LABELS;

export const COMPLAINT_LABELS = {
  conduct: '法官作风',
  filing: '立案',
  enforcement: '执行',
  discipline: '违纪违法',
} as const;
export type ComplaintCategory = keyof typeof COMPLAINT_LABELS;

export const STATUS_LABELS = {
  open: '待派发',
  answered: '已直接答复',
  dispatched: '已转办',
  overdue: '已超期',
  reminded: '已催办',
  bulletined: '已通报',
  escalated: '已升级',
  handled: '已办结待回访',
  closed: '已结案',
  returned: '已退回',
} as const;
export type TicketStatus = keyof typeof STATUS_LABELS;

export const ACTION_LABELS = {
  direct_answer: '直接答复',
  transfer: '转办',
  leadership_report: '层报院领导',
  escalation: '立即层报',
} as const;
export type DispositionAction = keyof typeof ACTION_LABELS;

export const ROLE_LABELS = {
  agent: '座席员',
  handler: '承办人',
  supervisor: '主管',
  leader: '院领导',
  admin: '管理员',
} as const;
export type Role = keyof typeof ROLE_LABELS;

export const NOTICE_KIND_LABELS: Record<string, string> = {
  dispatch: '转办',
  red_light: '红灯',
  reminder: '催办',
  escalation: '层报',
  bulletin: '通报',
  callback_due: '待回访',
  warning: '黄灯',
  reminder_late: '逾期未催办',
  leadership_report: '层报院领导',
  voicemail: '留言',
  sms_failed: '短信失败',
  escalation_unacknowledged: '层报未确认',
  returned: '退回待改派',
  extension_requested: '延期申请',
  extension_decided: '延期审批',
  caller_receipt: '来电人回执',
};

/** The domain's names for timeline events, the lifecycle additions' in the UI's shorter words. */
export const TIMELINE_KIND_LABELS: Record<string, string> = {
  ...TIMELINE_EVENT_LABELS,
  accepted: '承办人签收',
  progress: '进展说明',
  returned: '承办人退回',
  reassigned: '改派',
  extension_requested: '申请延期',
  extension_approved: '同意延期',
  extension_refused: '不同意延期',
  extension_expired: '延期申请未获答复',
  attachment: '上传附件',
};

/** An extension request's state (`extension.status`). */
export const EXTENSION_STATUS_LABELS: Record<string, string> = {
  pending: '待审批',
  approved: '已同意',
  refused: '不同意',
  expired: '未获答复',
};

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** `4.5` → `第四条第五项`. */
export function clauseName(rule: string | null | undefined): string {
  const match = /^(\d+)\.(\d+)$/.exec(rule ?? '');
  if (!match) return rule ?? '';
  return `第${NUMERALS[Number(match[1]) - 1]}条第${NUMERALS[Number(match[2]) - 1]}项`;
}

export function labelOf<T extends Record<string, string>>(
  labels: T,
  code: string | null | undefined,
) {
  if (!code) return '';
  return (labels as Record<string, string>)[code] ?? code;
}

export const optionsOf = <T extends Record<string, string>>(labels: T) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
