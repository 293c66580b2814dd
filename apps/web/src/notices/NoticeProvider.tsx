import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { notification as notificationApi, unwrap } from '../api/client';
import { useSession } from '../auth/useSession';
import { followNotices, type Notice } from './notice-stream';

interface NoticeState {
  notices: Notice[];
  unread: number;
  /** Whether the live stream is connected (a drop reconnects by itself). */
  live: boolean;
  markRead: (id: string) => Promise<void>;
}

const NoticeContext = createContext<NoticeState>({
  notices: [],
  unread: 0,
  live: false,
  markRead: async () => undefined,
});

export const useNotices = () => useContext(NoticeContext);

/**
 * The signed-in person's notices: the latest from the list, then live from the stream. Each
 * notice invalidates the queries of its ticket and the lists, so open pages update without a
 * reload (no polling).
 */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  const listed = useQuery({
    queryKey: ['notifications'],
    enabled: !!session,
    queryFn: () =>
      unwrap(notificationApi.GET('/api/notifications', { params: { query: { limit: 50 } } })),
  });

  useEffect(() => {
    if (!session) return;
    const stop = followNotices(
      (notice) => {
        queryClient.setQueryData<{ items: Notice[] }>(['notifications'], (old) => {
          const items = old?.items ?? [];
          return items.some((n) => n.id === notice.id)
            ? old
            : { items: [notice, ...items].slice(0, 100) };
        });
        if (notice.ticketId)
          void queryClient.invalidateQueries({ queryKey: ['ticket', notice.ticketId] });
        void queryClient.invalidateQueries({ queryKey: ['tickets'] });
        void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      },
      () => {
        setLive(true);
        // What happened before the stream was open reached nobody: read the lists again once.
        for (const queryKey of [['notifications'], ['tickets'], ['dashboard']]) {
          void queryClient.invalidateQueries({ queryKey });
        }
      },
    );
    return () => {
      setLive(false);
      stop();
    };
  }, [session, queryClient]);

  const value = useMemo<NoticeState>(() => {
    const notices = (listed.data?.items ?? []) as Notice[];
    return {
      notices,
      unread: notices.filter((n) => !n.readAt).length,
      live,
      markRead: async (id: string) => {
        await unwrap(
          notificationApi.POST('/api/notifications/{id}/read', { params: { path: { id } } }),
        );
        await queryClient.invalidateQueries({ queryKey: ['notifications'] });
      },
    };
  }, [listed.data, live, queryClient]);

  return <NoticeContext.Provider value={value}>{children}</NoticeContext.Provider>;
}
