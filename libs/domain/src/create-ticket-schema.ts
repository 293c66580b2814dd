/**
 * The body of `POST /api/tickets` and `POST /api/tickets/proposal`, declared once: the
 * validation (`parseCreateTicket`) reads it and the intake documents it as the OpenAPI
 * component `CreateTicketDto`. Rules across fields (Articles 2–4) stay in the parser.
 * Fields are in the order their problems are reported.
 */

import type { ObjectField } from './body-schema';
import { DISPOSITION_ACTIONS } from './disposition-types';
import { TEXT_LIMITS } from './limits';
import { CHANNELS, COMPLAINT_CATEGORIES, TICKET_TYPES } from './ticket';

/** Article 2: every call is logged with the caller's name, phone and what they raised. */
const MUST_LOG = '（第二条：每电必登）';

const flag = (description: string) =>
  ({ kind: 'boolean', label: '标记', default: false, description }) as const;

export const CREATE_TICKET_BODY = {
  kind: 'object',
  label: '请求体',
  required: true,
  fields: {
    channel: { kind: 'enum', label: '来电渠道', values: CHANNELS, default: 'phone' },
    caller: {
      kind: 'object',
      label: '来电人信息',
      required: true,
      fields: {
        name: {
          kind: 'text',
          label: '来电人姓名',
          required: true,
          missingMessage: `来电人姓名不能为空${MUST_LOG}`,
          max: TEXT_LIMITS.callerName,
          example: '张三',
        },
        phone: {
          kind: 'text',
          label: '联系电话',
          required: true,
          missingMessage: `联系电话不能为空${MUST_LOG}`,
          max: TEXT_LIMITS.phone,
          description: '大陆手机号或固定电话',
          example: '13800138000',
        },
      },
    },
    content: {
      kind: 'text',
      label: '反映事项内容',
      required: true,
      missingMessage: `反映事项的主要内容不能为空${MUST_LOG}`,
      max: TEXT_LIMITS.content,
      example: '反映立案庭拖延立案',
    },
    type: { kind: 'enum', label: '工单类型', values: TICKET_TYPES, required: true },
    complaint: {
      kind: 'object',
      label: '投诉类别',
      nullable: true,
      description: '投诉举报类工单（type=complaint）必填，其他类型不填',
      fields: {
        category: {
          kind: 'enum',
          label: '投诉类别',
          values: COMPLAINT_CATEGORIES,
          required: true,
        },
        specificClues: {
          kind: 'boolean',
          label: '线索是否明确具体',
          default: false,
          description: '线索是否明确具体（第四条第六项）',
        },
      },
    },
    caseNumber: {
      kind: 'text',
      label: '案号',
      max: TEXT_LIMITS.caseNumber,
      nullable: true,
      example: '(2026)豫0782民初1号',
    },
    answer: {
      kind: 'text',
      label: '答复内容',
      max: TEXT_LIMITS.answer,
      nullable: true,
      description: '直接答复时必填',
    },
    flags: {
      kind: 'object',
      label: '标记',
      fields: {
        urgent: flag('过激言行或情况紧急（4.8）'),
        abusive: flag('辱骂或骚扰（4.7）'),
        litigationRights: flag('涉及诉权（第十条重点回访）'),
        couldNotReachJudge: flag('联系不上承办法官再次来电（4.2）'),
      },
    },
    ringAt: {
      kind: 'instant',
      label: '来电振铃时间',
      nullable: true,
      example: '2026-11-28T09:00:00+08:00',
    },
    answeredAt: {
      kind: 'instant',
      label: '接听时间',
      nullable: true,
      example: '2026-11-28T09:00:06+08:00',
    },
    override: {
      kind: 'object',
      label: '改变处理方式',
      nullable: true,
      notObjectMessage: '改变处理方式应为对象 { action, targetId, reason }',
      fields: {
        action: { kind: 'enum', label: '处理方式', values: DISPOSITION_ACTIONS, required: true },
        targetId: {
          kind: 'text',
          label: '承办人',
          max: TEXT_LIMITS.id,
          nullable: true,
          description: '转办或层报时必填',
          example: 'head-civil',
        },
        reason: {
          kind: 'text',
          label: '改变理由',
          required: true,
          missingMessage: '改变系统建议的处理方式须说明理由',
          max: TEXT_LIMITS.overrideReason,
          example: '来电人要求转庭领导',
        },
      },
    },
    voicemailId: {
      kind: 'text',
      label: '留言编号',
      max: TEXT_LIMITS.id,
      nullable: true,
      description: '登记留言时（channel=voicemail）',
    },
  },
} as const satisfies ObjectField;
