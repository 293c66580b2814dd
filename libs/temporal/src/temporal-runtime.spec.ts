import { Runtime } from '@temporalio/worker';
import { installTemporalRuntime } from './temporal-runtime';

jest.mock('@temporalio/worker', () => {
  const actual = jest.requireActual('@temporalio/worker');
  const install = jest.fn(function (this: { _instance?: unknown }) {
    this._instance = {};
    return this._instance;
  });
  return { ...actual, Runtime: { _instance: undefined, install } };
});

describe('installTemporalRuntime', () => {
  it('installs the runtime once, with the Prometheus exporter when given an address', () => {
    expect(installTemporalRuntime('tickets', { metricsBindAddress: '127.0.0.1:9464' })).toBe(true);
    expect(Runtime.install).toHaveBeenCalledTimes(1);
    expect(Runtime.install).toHaveBeenCalledWith(
      expect.objectContaining({
        logger: expect.anything(),
        telemetryOptions: expect.objectContaining({
          metrics: { prometheus: { bindAddress: '127.0.0.1:9464' } },
        }),
      }),
    );
    // another app of the same process (jest), or a second call: left as it is
    expect(installTemporalRuntime('notifications')).toBe(false);
    expect(Runtime.install).toHaveBeenCalledTimes(1);
  });
});
