import { ApplicationFailure } from '@temporalio/common';
import { createJsonLogger } from './json-logger';
import { LogCapture } from './log-capture';
import { temporalLoggerOver, temporalRuntimeLogOptions } from './temporal-runtime-logger';

describe('the Temporal runtime logger', () => {
  it("writes the SDK's log calls as our JSON lines, with their metadata and errors", () => {
    const capture = new LogCapture();
    const logger = temporalLoggerOver(createJsonLogger('worker', capture));

    logger.log('INFO', 'Worker state changed', { sdkComponent: 'worker', state: 'RUNNING' });
    logger.warn('Activity failed', {
      sdkComponent: 'activity',
      activityType: 'sendSms',
      error: ApplicationFailure.create({ message: 'refused by 13812348000', type: 'Refused' }),
    });
    logger.debug('below the default level');

    expect(capture.lines).toEqual([
      {
        level: 'info',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        service: 'worker',
        context: 'Temporal',
        sdkComponent: 'worker',
        state: 'RUNNING',
        msg: 'Worker state changed',
      },
      expect.objectContaining({
        level: 'warn',
        context: 'Temporal',
        sdkComponent: 'activity',
        activityType: 'sendSms',
        msg: 'Activity failed',
        err: expect.objectContaining({
          type: 'ApplicationFailure',
          message: 'refused by 138****8000',
          failureType: 'Refused',
          stack: expect.any(String),
        }),
      }),
    ]);
  });

  it('forwards the core logs to it: WARN by default, DEBUG with LOG_LEVEL=debug', () => {
    const before = process.env.LOG_LEVEL;
    try {
      delete process.env.LOG_LEVEL;
      expect(temporalRuntimeLogOptions()).toEqual({
        logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} },
      });
      process.env.LOG_LEVEL = 'debug';
      expect(temporalRuntimeLogOptions().logging?.filter).toEqual({
        core: 'DEBUG',
        other: 'ERROR',
      });
    } finally {
      if (before === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = before;
    }
  });
});
