import { useQuery } from '@tanstack/react-query';
import { intake, unwrap } from '../../api/client';
import { QUEUE_STATUSES, queueOrder, uniqueById } from './voicemail-queue';

type QueueStatus = (typeof QUEUE_STATUSES)[number];

function listOf(status: QueueStatus) {
  return unwrap(intake.GET('/api/voicemails', { params: { query: { status } } }));
}

/** Every voicemail still to be logged, the most pressing first. */
export function useVoicemailQueue() {
  return useQuery({
    queryKey: ['voicemails', 'queue'],
    queryFn: async () => {
      const lists = await Promise.all(QUEUE_STATUSES.map(listOf));
      return queueOrder(uniqueById(lists.flatMap((list) => list.items)));
    },
    // Waiting turns due on the clock, with no notice sent: look again every minute.
    refetchInterval: 60_000,
  });
}
