import type { AuditAction } from '../../../api/types';

/** The audit trail's actions (docs/intake.md, "Audit trail") in Chinese; a new action breaks the build. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'ticket.phone.read': '查看工单来电号码',
  'voicemail.phone.read': '查看留言来电号码',
  'sms.read': '查看短信（含号码）',
  'ledger.export': '导出台账',
  'ticket.override': '改判处理方式',
  'user.create': '新建账号',
  'user.update': '修改账号',
  'user.disable': '停用账号',
  'user.password.reset': '重置密码',
  'user.password.change': '修改本人密码',
  'directory.person.put': '保存人员',
  'directory.department.put': '保存部门',
  'directory.case.put': '保存案件',
  'directory.import': '导入名录',
  'calendar.import': '导入日历',
  'ticket.reassign': '改派工单',
  'ticket.extension.decide': '审批延期申请',
  'ticket.attachment.upload': '上传工单附件',
  'ticket.attachment.download': '下载工单附件',
};

/** The Chinese name of an action; an unknown one (a newer server) as it is. */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}
