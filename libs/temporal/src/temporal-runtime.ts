import { Logger } from '@nestjs/common';
import { Runtime } from '@temporalio/worker';
// Not from '@court/common': its barrel imports '@court/temporal' (the health check), a cycle.
import {
  temporalRuntimeLogger,
  temporalRuntimeLogOptions,
} from '../../common/src/logging/temporal-runtime-logger';

export interface TemporalRuntimeOptions {
  /** `host:port` where the SDK serves its Prometheus metrics at `/metrics`; none: no metrics. */
  metricsBindAddress?: string;
}

let installedBy: string | undefined;

/**
 * Installs the Temporal SDK's runtime (its logger, and its Prometheus exporter when asked) once
 * per process. It must come before the first NativeConnection, which would create a default
 * one; a later call, or one after something else created it (jest's set-up, another app in the
 * same process), changes nothing and says so. True when this call installed it.
 */
export function installTemporalRuntime(
  service: string,
  options: TemporalRuntimeOptions = {},
): boolean {
  if (installedBy !== undefined || Runtime._instance !== undefined) {
    if (options.metricsBindAddress) {
      new Logger('TemporalRuntime').warn(
        `Temporal runtime already installed${installedBy ? ` by ${installedBy}` : ''}: ` +
          `no SDK metrics at ${options.metricsBindAddress}`,
      );
    }
    return false;
  }
  Runtime.install({
    logger: temporalRuntimeLogger(service),
    telemetryOptions: {
      ...temporalRuntimeLogOptions(),
      ...(options.metricsBindAddress
        ? { metrics: { prometheus: { bindAddress: options.metricsBindAddress } } }
        : {}),
    },
  });
  installedBy = service;
  return true;
}
