import { useQuery } from '@tanstack/react-query';
import { intake, unwrap } from '../../api/client';

/** One voicemail with the caller's full number (`GET /api/voicemails/:id`). */
export function useVoicemail(id: string | null) {
  return useQuery({
    queryKey: ['voicemail', id],
    enabled: id !== null,
    queryFn: () => unwrap(intake.GET('/api/voicemails/{id}', { params: { path: { id: id! } } })),
    // The number is read once per fill; reading it again would only add audit entries.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}
