/** An error as it appears in a log line: enough to find the fault without a debugger. */
export interface SerializedError {
  type: string;
  message: string;
  stack?: string;
  code?: string | number;
  /** Temporal's ApplicationFailure type, ActivityFailure's activity, and their retry outcome. */
  failureType?: string;
  nonRetryable?: boolean;
  activityType?: string;
  retryState?: string | number;
  cause?: SerializedError;
}

const MAX_CAUSES = 8;

type ErrorLike = Error & {
  code?: unknown;
  type?: unknown;
  nonRetryable?: unknown;
  activityType?: unknown;
  retryState?: unknown;
};

function serializeOne(error: unknown, depth: number, seen: Set<unknown>): SerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  seen.add(error);
  const e = error as ErrorLike;
  const result: SerializedError = {
    type: e.constructor?.name || e.name,
    message: e.message,
    stack: e.stack,
  };
  if (typeof e.code === 'string' || typeof e.code === 'number') result.code = e.code;
  if (typeof e.type === 'string') result.failureType = e.type;
  if (typeof e.nonRetryable === 'boolean') result.nonRetryable = e.nonRetryable;
  if (typeof e.activityType === 'string') result.activityType = e.activityType;
  if (typeof e.retryState === 'string' || typeof e.retryState === 'number') {
    result.retryState = e.retryState;
  }
  if (e.cause !== undefined && e.cause !== null && !seen.has(e.cause)) {
    result.cause =
      depth < MAX_CAUSES
        ? serializeOne(e.cause, depth + 1, seen)
        : { type: 'truncated', message: 'cause chain too long' };
  }
  return result;
}

/**
 * The pino serializer for `err` / `error`: type, message, stack, `code`, and the whole `cause`
 * chain (Temporal wraps an activity's error as ActivityFailure → ApplicationFailure → …).
 * Anything else an error carries (Temporal's raw failure protos, request objects) is left out.
 */
export function serializeError(error: unknown): SerializedError {
  return serializeOne(error, 0, new Set());
}
