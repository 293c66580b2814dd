import { useMutation, useQueryClient } from '@tanstack/react-query';
import { intake, unwrap } from '../../api/client';
import { asRequestBody, type TicketBody } from './ticket-body';

/** `POST /api/tickets` under this fill's Idempotency-Key. */
export function useSubmitTicket(idempotencyKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TicketBody) =>
      unwrap(
        intake.POST('/api/tickets', {
          body: asRequestBody(body),
          params: { header: { 'idempotency-key': idempotencyKey } },
        }),
      ),
    onSuccess: (_ticket, body) => {
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
      void queryClient.invalidateQueries({ queryKey: ['intake', 'proposal'] });
      if (body.voicemailId) void queryClient.invalidateQueries({ queryKey: ['voicemails'] });
    },
  });
}
