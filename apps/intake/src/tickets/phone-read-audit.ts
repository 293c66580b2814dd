import type { AuditSource, AuditTrail } from '@court/database';
import { maskPhone } from '@court/domain';
import type { TicketDetail } from './dto/ticket-view.dto';

/**
 * A ticket answered with the caller's full number is a read of personal data: recorded
 * (`ticket.phone.read`) before it is answered. A plain read fails closed (503) when the entry
 * cannot be written; after a change (`after`) the change stands and the answer carries the
 * number masked instead.
 */
export async function auditedPhoneRead(
  audit: AuditTrail,
  by: AuditSource,
  detail: TicketDetail,
  after?: string,
): Promise<TicketDetail> {
  const phone = detail.caller?.phone ?? '';
  if (!phone || phone.includes('*')) return detail;
  const record = {
    action: 'ticket.phone.read' as const,
    ticketId: detail.id,
    detail: after ? `${after}后返回工单（含完整来电号码）` : '查看工单（含完整来电号码）',
  };
  if (!after) {
    await audit.revealing(by, record);
    return detail;
  }
  try {
    await audit.revealing(by, record);
    return detail;
  } catch {
    return { ...detail, caller: { ...detail.caller, phone: maskPhone(phone) } };
  }
}
