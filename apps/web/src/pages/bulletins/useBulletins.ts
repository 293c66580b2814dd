import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { reporting, unwrap } from '../../api/client';

export const BULLETIN_PAGE_SIZE = 10;

export function useBulletinList(page: number) {
  return useQuery({
    queryKey: ['bulletins', page],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        reporting.GET('/api/bulletins', {
          params: { query: { page, limit: BULLETIN_PAGE_SIZE } },
        }),
      ),
  });
}

export function useBulletin(id: string | null) {
  return useQuery({
    queryKey: ['bulletin', id],
    enabled: !!id,
    // A bulletin does not change once written (only its announcement is stamped).
    staleTime: 5 * 60_000,
    queryFn: () =>
      unwrap(reporting.GET('/api/bulletins/{id}', { params: { path: { id: id! }, query: {} } })),
  });
}

/** `POST /api/bulletins {from, to}`: runs the bulletin now; the answer is the whole bulletin. */
export function useGenerateBulletin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (period: { from: string; to: string }) =>
      unwrap(reporting.POST('/api/bulletins', { body: period })),
    onSuccess: (bulletin) => {
      queryClient.setQueryData(['bulletin', bulletin.id], bulletin);
      void queryClient.invalidateQueries({ queryKey: ['bulletins'] });
    },
  });
}
