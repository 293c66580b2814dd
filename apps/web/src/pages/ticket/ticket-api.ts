/** The ticket's endpoints (API.md), each answering the ticket as it is afterwards. */
import { intake, SESSION_EXPIRED, unwrap } from '../../api/client';
import { apiErrorFrom } from '../../api/errors';
import type { components } from '../../api/generated/intake';
import type { TicketView } from '../../api/types';
import { getSession, setSession } from '../../auth/session';

const path = (id: string) => ({ params: { path: { id } } });
type Note = { note?: string | null };
type Schemas = components['schemas'];

export const fetchTicket = (id: string): Promise<TicketView> =>
  unwrap(intake.GET('/api/tickets/{id}', path(id)));

export const submitFeedback = (id: string, body: { result: string }): Promise<TicketView> =>
  unwrap(intake.POST('/api/tickets/{id}/feedback', { ...path(id), body }));

export const acknowledgeEscalation = (id: string, body: Note): Promise<TicketView> =>
  unwrap(intake.POST('/api/tickets/{id}/acknowledge', { ...path(id), body }));

export const sendReminder = (id: string, body: Note): Promise<TicketView> =>
  unwrap(intake.POST('/api/tickets/{id}/reminders', { ...path(id), body }));

export const recordRepeatCall = (
  id: string,
  body: { note: string | null; notHandledInTime: boolean },
): Promise<TicketView> =>
  unwrap(intake.POST('/api/tickets/{id}/repeat-calls', { ...path(id), body }));

export const recordCallback = (
  id: string,
  body: { reached: boolean; satisfied: boolean | null; note: string | null },
): Promise<TicketView> => unwrap(intake.POST('/api/tickets/{id}/callback', { ...path(id), body }));

// The lifecycle additions (API.md "Ticket lifecycle additions").

export const acceptTicket = (id: string, _body: Record<string, never>): Promise<TicketView> =>
  unwrap(intake.POST('/api/tickets/{id}/accept', path(id)));

export const addProgress = (id: string, body: Schemas['ProgressDto']): Promise<TicketView> =>
  unwrap(intake.POST('/api/tickets/{id}/progress', { ...path(id), body }));

export const returnTicket = (id: string, body: Schemas['ReturnDto']): Promise<TicketView> =>
  unwrap(intake.POST('/api/tickets/{id}/return', { ...path(id), body }));

export const reassignTicket = (id: string, body: Schemas['ReassignDto']): Promise<TicketView> =>
  unwrap(intake.POST('/api/tickets/{id}/reassign', { ...path(id), body }));

export const requestExtension = (id: string, body: Schemas['ExtensionDto']): Promise<TicketView> =>
  unwrap(intake.POST('/api/tickets/{id}/extension', { ...path(id), body }));

export const decideExtension = (
  id: string,
  body: Schemas['ExtensionDecisionDto'],
): Promise<TicketView> =>
  unwrap(intake.POST('/api/tickets/{id}/extension/decision', { ...path(id), body }));

export type Attachment = Schemas['AttachmentView'];
export type AttachmentCreated = Schemas['AttachmentCreated'];

const attachmentsPath = (id: string) => `/api/tickets/${encodeURIComponent(id)}/attachments`;

/** Where an attachment downloads from (with the bearer token: `authorisedFetch`). */
export const attachmentPath = (id: string, attachmentId: string) =>
  `${attachmentsPath(id)}/${encodeURIComponent(attachmentId)}`;

export const fetchAttachments = async (id: string): Promise<Attachment[]> =>
  (await unwrap(intake.GET('/api/tickets/{id}/attachments', path(id)))).items;

/**
 * Uploads one file (multipart field `file`) with its progress (XMLHttpRequest reports the
 * upload's; fetch does not). Rejects with the API's error, as the other calls do.
 */
export function uploadAttachment(
  id: string,
  file: File,
  onProgress: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<AttachmentCreated> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', attachmentsPath(id));
    const token = getSession()?.accessToken;
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as AttachmentCreated);
        return;
      }
      if (xhr.status === 401) {
        setSession(null);
        window.dispatchEvent(new Event(SESSION_EXPIRED));
      }
      reject(apiErrorFrom(xhr.status, body));
    };
    // A network failure reads as fetch's would (errorText: 网络连接失败).
    xhr.onerror = () => reject(new TypeError('network'));
    xhr.onabort = () => reject(new DOMException('已取消上传', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
