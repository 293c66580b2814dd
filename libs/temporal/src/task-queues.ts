/** Task queues, shared by the workers that poll them and the code that routes work to them. */
export const TASK_QUEUES = {
  tickets: 'tickets',
  notifications: 'notifications',
  reporting: 'reporting',
} as const;
