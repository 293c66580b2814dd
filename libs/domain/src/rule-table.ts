/**
 * Article 4 (分类处理) as data: one row per situation the regulation names, with the
 * condition the system checks, the action, whom it goes to, and the regulation's own words.
 * `disposition.ts` interprets these rows; `render-rule-table.ts` renders them into the
 * docs/rule-table.md, and a test keeps the two in step.
 *
 * Reading order: rows with `precedence` (4.8, 4.7) are checked first and, when they match,
 * decide the primary action while the ticket's own type row is kept alongside (an urgent
 * complaint is escalated AND transferred). Exactly one of the other rows matches any ticket.
 */

import type { SpecialDepartments } from './directory';
import type { DispositionAction, Rule } from './disposition-types';
import { deepFreeze } from './result';
import type { ComplaintCategory, FlagName, TicketType } from './ticket';

/** What a row requires of a ticket; every given part must hold. */
export interface RuleCondition {
  /** The ticket type is one of these. */
  readonly types?: readonly TicketType[];
  /** The complaint category is one of these. */
  readonly categories?: readonly ComplaintCategory[];
  /** The complaint's clues are (true) or are not (false) clear and specific. */
  readonly specificClues?: boolean;
  /** Each named flag has this value. */
  readonly flags?: Readonly<Partial<Record<FlagName, boolean>>>;
}

/** Whom a row sends the ticket to; resolved against the directory. */
export type TargetSpec =
  /** The agent on the call answers. */
  | { readonly kind: 'agent' }
  /** The agent answers and gives the caller the presiding judge's contact (needs 案号). */
  | { readonly kind: 'agent_with_judge_contact' }
  /** The case's presiding judge, 承办法官 (needs 案号). */
  | { readonly kind: 'presiding_judge' }
  /** The head of the presiding judge's department (needs 案号). */
  | { readonly kind: 'judge_department_head' }
  /** The head of one of the departments Article 4 names. */
  | { readonly kind: 'special_department_head'; readonly department: keyof SpecialDepartments }
  /** Court leadership: the vice president responsible for the 12368 platform's department. */
  | { readonly kind: 'leadership' }
  /** The 4.8 ladder: vice division chief and division chief, then vice president and president. */
  | { readonly kind: 'escalation_ladder' };

export interface RuleRow {
  /** Stable id of the row, e.g. `4.5-filing`. */
  readonly id: string;
  readonly rule: Rule;
  /** Checked before the type rows; the type's own route is kept alongside. */
  readonly precedence: boolean;
  /** Applied by analogy (参照): the regulation names no clause for this case. */
  readonly byAnalogy: boolean;
  readonly when: RuleCondition;
  readonly action: DispositionAction;
  readonly target: TargetSpec;
  /** Whom, in the court's words, for the table. */
  readonly targetDescription: string;
  /** The situation, as the explanation names it: 投诉立案问题. */
  readonly summary: string;
  /** What is done, as the explanation says it: 转立案诉讼服务部门负责人调查核实并书面报告. */
  readonly handling: string;
  /** The regulation's text for this situation (第四条, 12368-rules.zh.md). */
  readonly regulation: string;
}

export const RULE_TABLE: readonly RuleRow[] = deepFreeze([
  {
    id: '4.8',
    rule: '4.8',
    precedence: true,
    byAnalogy: false,
    when: { flags: { urgent: true } },
    action: 'escalation',
    target: { kind: 'escalation_ladder' },
    targetDescription:
      '第一级：主管副庭长、庭长（案件承办部门，无案号时为转办部门或诉讼服务部门）；未确认时第二级：主管副院长、院长',
    summary: '来电人有过激言行或反映问题情况紧急',
    handling: '立即层报主管副庭长、庭长，必要时层报主管副院长和院长',
    regulation:
      '来电人有过激言行，或者反映问题情况紧急的，立即层报主管副庭长、庭长，必要时层报主管副院长和院长。',
  },
  {
    id: '4.7',
    rule: '4.7',
    precedence: true,
    byAnalogy: false,
    when: { flags: { abusive: true } },
    action: 'leadership_report',
    target: { kind: 'leadership' },
    targetDescription: '院领导（主管诉讼服务工作的副院长）',
    summary: '来电人辱骂法官或座席员、拨打骚扰电话',
    handling: '将录音整理成书面材料层报院领导处理',
    regulation:
      '来电人辱骂法官或座席员，或者拨打骚扰电话，扰乱热线电话服务秩序，应当将录音整理成书面材料层报院领导处理。情节严重的，依法追究其法律责任。',
  },
  {
    id: '4.1',
    rule: '4.1',
    precedence: false,
    byAnalogy: false,
    when: { types: ['case_inquiry', 'litigation_consultation'] },
    action: 'direct_answer',
    target: { kind: 'agent' },
    targetDescription: '座席员',
    summary: '案件查询、诉讼咨询',
    handling: '由座席员直接答复',
    regulation: '案件查询、诉讼咨询的直接答复。',
  },
  {
    id: '4.2-first-contact',
    rule: '4.2',
    precedence: false,
    byAnalogy: false,
    when: { types: ['contact_judge'], flags: { couldNotReachJudge: false } },
    action: 'direct_answer',
    target: { kind: 'agent_with_judge_contact' },
    targetDescription: '座席员（告知承办法官联系方式，依案号确定）',
    summary: '联系本院法官',
    handling: '直接答复，告知承办法官联系方式',
    regulation: '联系本院法官的直接答复',
  },
  {
    id: '4.2-could-not-reach',
    rule: '4.2',
    precedence: false,
    byAnalogy: false,
    when: { types: ['contact_judge'], flags: { couldNotReachJudge: true } },
    action: 'transfer',
    target: { kind: 'presiding_judge' },
    targetDescription: '承办法官（依案号确定）',
    summary: '获知法官联系方式后因联系不上承办法官再次来电',
    handling: '转发至承办法官',
    regulation: '来电人获知法官联系方式后，因联系不上承办法官再次来电的，转发至承办法官。',
  },
  {
    id: '4.3',
    rule: '4.3',
    precedence: false,
    byAnalogy: false,
    when: { types: ['petition'] },
    action: 'transfer',
    target: { kind: 'special_department_head', department: 'petition' },
    targetDescription: '信访部门负责人',
    summary: '向本院信访申诉',
    handling: '转发信访部门负责人',
    regulation: '向本院信访申诉的转发信访部门负责人。',
  },
  {
    id: '4.4',
    rule: '4.4',
    precedence: false,
    byAnalogy: false,
    when: { types: ['complaint'], categories: ['conduct', 'discipline'], specificClues: false },
    action: 'transfer',
    target: { kind: 'judge_department_head' },
    targetDescription: '承办法官所在部门负责人（依案号确定）',
    summary:
      '投诉法官作风不实、拖延办案、判决错误、不遵守回避规定或违法违纪、枉法裁判但线索不明确不具体',
    handling: '转发承办法官所在部门负责人',
    regulation:
      '投诉举报本院法官作风不实、拖延办案、判决错误、不遵守回避规定或违法违纪、枉法裁判但线索不明确不具体的，转发承办法官所在部门负责人。',
  },
  {
    id: '4.5-filing',
    rule: '4.5',
    precedence: false,
    byAnalogy: false,
    when: { types: ['complaint'], categories: ['filing'] },
    action: 'transfer',
    target: { kind: 'special_department_head', department: 'filing' },
    targetDescription: '立案诉讼服务部门负责人',
    summary: '投诉立案问题',
    handling: '转立案诉讼服务部门负责人调查核实并书面报告',
    regulation:
      '投诉举报法官违反立案工作规定要求，不立案、拖延立案、态度恶劣的，转立案诉讼服务部门负责人调查核实并书面报告情况。',
  },
  {
    id: '4.5-enforcement',
    rule: '4.5',
    precedence: false,
    byAnalogy: false,
    when: { types: ['complaint'], categories: ['enforcement'] },
    action: 'transfer',
    target: { kind: 'special_department_head', department: 'enforcementSupervision' },
    targetDescription: '执行监督部门负责人',
    summary: '投诉执行工作问题',
    handling: '转执行监督部门督办',
    regulation: '投诉举报法院执行工作问题的，转本院执行监督部门督办。',
  },
  {
    id: '4.6',
    rule: '4.6',
    precedence: false,
    byAnalogy: false,
    when: { types: ['complaint'], categories: ['conduct', 'discipline'], specificClues: true },
    action: 'transfer',
    target: { kind: 'special_department_head', department: 'violationsReporting' },
    targetDescription: '违法违纪举报中心',
    summary: '投诉违反审判纪律、党纪法规且线索明确具体',
    handling: '转违法违纪举报中心处理',
    regulation:
      '投诉举报本院法官丢失卷宗、吃请受贿、隐匿证据等违反审判纪律、党纪法规且线索明确具体的，转本院违法违纪举报中心处理。',
  },
  {
    // Article 4 names no clause for 其他. Most such calls (general information, suggestions,
    // calls meant for another body) are answered on the line, so the system proposes a
    // direct answer by analogy with 4.1; when the matter does need a department, the agent
    // overrides with a reason, which the ledger records. 4.7 and 4.8 still take precedence.
    id: 'other',
    rule: '4.1',
    precedence: false,
    byAnalogy: true,
    when: { types: ['other'] },
    action: 'direct_answer',
    target: { kind: 'agent' },
    targetDescription: '座席员（需转办的，座席员说明理由后改派）',
    summary: '其他事项（第四条未作规定）',
    handling: '由座席员直接答复',
    regulation: '（第四条未规定“其他”类工单，参照第一项处理）',
  },
] satisfies RuleRow[]);

/** Does a ticket meet a row's condition? */
export function matchesCondition(
  when: RuleCondition,
  ticket: {
    readonly type: TicketType;
    readonly complaint?: {
      readonly category: ComplaintCategory;
      readonly specificClues: boolean;
    } | null;
    readonly flags?: Readonly<Partial<Record<FlagName, boolean>>>;
  },
): boolean {
  if (when.types && !when.types.includes(ticket.type)) return false;
  if (
    when.categories &&
    !(ticket.complaint && when.categories.includes(ticket.complaint.category))
  ) {
    return false;
  }
  if (
    when.specificClues !== undefined &&
    (ticket.complaint?.specificClues ?? false) !== when.specificClues
  ) {
    return false;
  }
  if (when.flags) {
    for (const [name, value] of Object.entries(when.flags)) {
      if ((ticket.flags?.[name as FlagName] ?? false) !== value) return false;
    }
  }
  return true;
}
