import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { TicketView } from '../../../api/types';

/**
 * Sends one action; on success shows the ticket as the API answered it, says so, and has the
 * ticket and the lists read again.
 */
export function useTicketAction<Body>(
  ticketId: string,
  send: (id: string, body: Body) => Promise<TicketView>,
  successText: string,
) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (body: Body) => send(ticketId, body),
    onSuccess: async (ticket) => {
      queryClient.setQueryData(['ticket', ticketId], ticket);
      void message.success(successText);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['ticket', ticketId] }),
        queryClient.invalidateQueries({ queryKey: ['tickets'] }),
      ]);
    },
  });
}
