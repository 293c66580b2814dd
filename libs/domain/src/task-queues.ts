/**
 * Task queues, shared by the workers that poll them, the code that starts work on them and
 * the workflows that route activities to them. Here rather than in @court/temporal because
 * workflow code may import the domain but no other library.
 */
export const TASK_QUEUES = {
  tickets: 'tickets',
  notifications: 'notifications',
  reporting: 'reporting',
} as const;
