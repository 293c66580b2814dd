import { ServiceUnavailableException } from '@nestjs/common';

export type Dependency = 'database' | 'temporal';

/** What the API answers when a dependency is down: 503, in Chinese, with a retry hint. */
export const DEPENDENCY_DOWN_MESSAGES: Record<Dependency, string> = {
  database: '数据库暂不可用，请稍后重试（本次请求未保存任何内容）',
  temporal: '工作流服务暂不可用，请稍后重试（本次请求未保存任何内容）',
};

/** Seconds a client should wait before retrying (the `Retry-After` header). */
export const RETRY_AFTER_SECONDS = 5;

const DATABASE_ERROR_NAMES = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoPoolClosedError',
]);

/** gRPC status codes of a server that cannot be reached or did not answer in time. */
const GRPC_UNREACHABLE = new Set([4 /* DEADLINE_EXCEEDED */, 14 /* UNAVAILABLE */]);

function isDatabaseDown(error: Error): boolean {
  if (DATABASE_ERROR_NAMES.has(error.name)) return true;
  // Mongoose's own buffering while the driver has no connection.
  return error.name === 'MongooseError' && /buffering timed out/.test(error.message);
}

function isTemporalDown(error: Error): boolean {
  // grpc-js errors carry a numeric `code` and `details`; the SDK wraps them in a ServiceError.
  const code = (error as { code?: unknown }).code;
  if ('details' in error && typeof code === 'number' && GRPC_UNREACHABLE.has(code)) return true;
  if (error.name === 'WorkflowUpdateRPCTimeoutOrCancelledError') return true;
  return (
    error.name === 'TransportError' || /^(14 UNAVAILABLE|4 DEADLINE_EXCEEDED)/.test(error.message)
  );
}

/** Which dependency an error says is down (following `cause`), or null for any other error. */
export function downDependency(error: unknown): Dependency | null {
  for (let e = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    if (isDatabaseDown(e)) return 'database';
    if (isTemporalDown(e)) return 'temporal';
  }
  return null;
}

export function dependencyDown(dependency: Dependency): ServiceUnavailableException {
  return new ServiceUnavailableException(DEPENDENCY_DOWN_MESSAGES[dependency]);
}
