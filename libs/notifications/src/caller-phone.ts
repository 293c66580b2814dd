import type { TicketLedgerRepository } from '@court/database';
import { maskPhone, parsePhone } from '@court/domain';

/**
 * The caller's mobile number of a ticket, read from its ledger row (the workflow never holds
 * it), or why there is none: the ticket is not in the ledger (`inLedger` false), or it has no
 * caller phone, or a landline, which cannot take an SMS.
 */
export async function callerMobile(
  ledger: TicketLedgerRepository,
  ticketId: string,
): Promise<{ ok: true; phone: string } | { ok: false; why: string; inLedger: boolean }> {
  const row = await ledger.callerOf(ticketId);
  const given = row?.caller?.phone?.trim() || null;
  const parsed = given ? parsePhone(given) : null;
  if (!parsed?.ok || parsed.value.kind !== 'mobile') {
    const why = !row
      ? `ticket ${ticketId} is not in the ledger`
      : !given
        ? `ticket ${ticketId} has no caller phone`
        : `the caller's phone ${maskPhone(given)} of ticket ${ticketId} is not a mobile number`;
    return { ok: false, why, inLedger: Boolean(row) };
  }
  return { ok: true, phone: parsed.value.normalized };
}
