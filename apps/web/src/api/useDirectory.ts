import { useQuery } from '@tanstack/react-query';
import { intake, unwrap } from './client';

/** The court's directory (`GET /api/directory`, phones masked); it rarely changes. */
export function useDirectory() {
  return useQuery({
    queryKey: ['directory'],
    queryFn: () => unwrap(intake.GET('/api/directory')),
    staleTime: 10 * 60_000,
  });
}
