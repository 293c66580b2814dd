/** Words for the ticket's codes that only this page needs. */
import type { TicketView } from '../../api/types';

export const FLAG_LABELS: Record<keyof TicketView['flags'], string> = {
  urgent: '紧急',
  abusive: '辱骂或无理缠访',
  litigationRights: '涉及诉权',
  couldNotReachJudge: '联系不上法官',
};

export const CHANNEL_LABELS: Record<string, string> = { phone: '电话', voicemail: '留言' };

export function flagsOn(flags: TicketView['flags'] | null | undefined): string[] {
  if (!flags) return [];
  return (Object.keys(FLAG_LABELS) as (keyof TicketView['flags'])[])
    .filter((name) => flags[name])
    .map((name) => FLAG_LABELS[name]);
}

export const yesNo = (value: boolean | null | undefined) =>
  value === null || value === undefined ? '—' : value ? '是' : '否';
