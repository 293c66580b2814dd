import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/generated/intake';
import { apiJson } from '../shared/api-json';
import { isMissingEndpoint } from '../shared/missing-endpoint';

type Schemas = components['schemas'];

/** `GET /api/calendar/:year` (API.md, Court calendar). */
export type CourtCalendarYear = Schemas['CourtCalendarYear'];
/** `PUT /api/calendar/:year` answers the calendar and that the re-arm has started. */
export type ImportedCalendarYear = Schemas['ImportedCalendarYear'];
export type ImportCalendarBody = Schemas['ImportCalendarDto'];

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
    mutationFn: (body: ImportCalendarBody) =>
      apiJson<ImportedCalendarYear>(`/api/calendar/${year}`, { method: 'PUT', body }),
    onSuccess: (calendar) => queryClient.setQueryData(['calendar', year], calendar),
  });
}
