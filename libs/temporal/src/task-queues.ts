export { TASK_QUEUES } from '../../domain/src/task-queues';
