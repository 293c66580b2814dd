import { ActivityFailure, ApplicationFailure, RetryState } from '@temporalio/common';
import { serializeError } from './error-serializer';

describe('serializeError', () => {
  it('keeps message, stack, code and the whole cause chain', () => {
    const root = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:27017'), {
      code: 'ECONNREFUSED',
    });
    const error = new Error('saving the ticket failed', { cause: root });
    expect(serializeError(error)).toEqual({
      type: 'Error',
      message: 'saving the ticket failed',
      stack: expect.stringContaining('error-serializer.spec.ts'),
      cause: {
        type: 'Error',
        message: 'connect ECONNREFUSED 127.0.0.1:27017',
        stack: expect.any(String),
        code: 'ECONNREFUSED',
      },
    });
  });

  it("shows Temporal's ActivityFailure → ApplicationFailure causes", () => {
    const application = ApplicationFailure.create({
      message: 'SMS provider refused',
      type: 'ProviderRefused',
      nonRetryable: true,
    });
    const activity = new ActivityFailure(
      'activity failed',
      'sendSms',
      '7',
      RetryState.NON_RETRYABLE_FAILURE,
      'worker-1',
      application,
    );
    expect(serializeError(activity)).toMatchObject({
      type: 'ActivityFailure',
      message: 'activity failed',
      activityType: 'sendSms',
      retryState: RetryState.NON_RETRYABLE_FAILURE,
      cause: {
        type: 'ApplicationFailure',
        message: 'SMS provider refused',
        failureType: 'ProviderRefused',
        nonRetryable: true,
      },
    });
  });

  it('stops at a cycle and serializes what is not an Error', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as Error & { cause?: unknown }).cause = b;
    expect(serializeError(a).cause?.cause).toBeUndefined();
    expect(serializeError('plain text')).toEqual({ type: 'string', message: 'plain text' });
  });
});
