import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../shared/api-json';
import { isMissingEndpoint } from '../shared/missing-endpoint';
import type { CalendarDay } from './calendar-layout';

/** `GET /api/calendar/:year` (API.md, Court calendar). */
export interface CourtCalendarYear {
  year: number;
  status: 'official' | 'provisional';
  version: number;
  days: CalendarDay[];
}

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: ['calendar', year],
    queryFn: () => apiJson<CourtCalendarYear>(`/api/calendar/${year}`),
    retry: (count, error) => !isMissingEndpoint(error, true) && count < 2,
  });
}

export function useImportCalendar(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { days: CalendarDay[]; note: string }) =>
      apiJson<CourtCalendarYear>(`/api/calendar/${year}`, { method: 'PUT', body }),
    onSuccess: (calendar) => queryClient.setQueryData(['calendar', year], calendar),
  });
}
