import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  HttpException,
} from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';

/**
 * A workflow's refusal as the API answers it: the update validator's `forbidden` → 403,
 * `conflict` → 409, `invalid` → 400, with the workflow's Chinese reason; a finished ticket → 409.
 */
export function toHttpError(error: unknown): unknown {
  if (error instanceof HttpException) return error;
  if (error instanceof WorkflowUpdateFailedError) {
    const cause = error.cause;
    if (cause instanceof ApplicationFailure) {
      if (cause.type === 'forbidden') return new ForbiddenException(cause.message);
      if (cause.type === 'conflict') return new ConflictException(cause.message);
      if (cause.type === 'invalid') return new BadRequestException(cause.message);
    }
    return new ConflictException(cause?.message ?? '工单流程拒绝了此操作');
  }
  if (error instanceof WorkflowNotFoundError || /already completed/i.test(String(error))) {
    return new ConflictException('工单流程已结束，无法办理此操作');
  }
  // Temporal unreachable: left to the shared exception filter, which answers 503 for it.
  return error;
}
