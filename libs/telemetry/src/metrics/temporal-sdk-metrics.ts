/**
 * The Temporal SDK's own metrics that the ticket worker serves on WORKER_METRICS_PORT and that
 * deploy/monitoring may name. Obtained by scraping a real worker (SDK 1.24, Prometheus exporter
 * with its defaults: `temporal_` prefix, counters without `_total`, durations in milliseconds)
 * after tickets ran through it; test/integration/metrics.test.ts scrapes one again and fails
 * when an entry is missing or changed type (`DUMP_SDK_METRICS=<file>` writes that scrape).
 * Not listed: what appears only after failures (`*_failed`, `*_failure`), replays
 * (`temporal_workflow_task_replay_latency`) or cache hits (`temporal_sticky_cache_hit`), which
 * that scrape need not show. The ticket worker runs local activities only: its
 * `temporal_activity_*` series stay empty (the list's come from the test's notifications worker).
 */
export const TEMPORAL_SDK_METRICS: readonly {
  name: string;
  type: 'counter' | 'gauge' | 'histogram';
}[] = [
  // pollers per task queue and poller_type (workflow_task, sticky_workflow_task, activity_task)
  { name: 'temporal_num_pollers', type: 'gauge' },
  // per task_queue and worker_type (WorkflowWorker, ActivityWorker, LocalActivityWorker)
  { name: 'temporal_worker_task_slots_available', type: 'gauge' },
  { name: 'temporal_worker_task_slots_used', type: 'gauge' },
  // milliseconds from a task's scheduling to a worker taking it: the queue's backlog
  { name: 'temporal_workflow_task_schedule_to_start_latency', type: 'histogram' },
  { name: 'temporal_activity_schedule_to_start_latency', type: 'histogram' },
  { name: 'temporal_workflow_task_execution_latency', type: 'histogram' },
  { name: 'temporal_activity_execution_latency', type: 'histogram' },
  { name: 'temporal_local_activity_execution_latency', type: 'histogram' },
  { name: 'temporal_activity_task_received', type: 'counter' },
  { name: 'temporal_workflow_task_queue_poll_succeed', type: 'counter' },
  { name: 'temporal_workflow_completed', type: 'counter' },
  { name: 'temporal_workflow_endtoend_latency', type: 'histogram' },
  { name: 'temporal_sticky_cache_size', type: 'gauge' },
  { name: 'temporal_worker_start', type: 'counter' },
  // calls to the Temporal frontend, by operation; long polls apart
  { name: 'temporal_request', type: 'counter' },
  { name: 'temporal_request_latency', type: 'histogram' },
  { name: 'temporal_long_request', type: 'counter' },
  { name: 'temporal_long_request_latency', type: 'histogram' },
];
