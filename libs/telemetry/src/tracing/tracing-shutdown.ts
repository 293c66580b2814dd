import { OnApplicationShutdown } from '@nestjs/common';
import { shutdownTracing } from './start-tracing';

/**
 * Flushes the process's spans when Nest shuts down (SIGTERM, or a failed worker), after every
 * module is destroyed, so that the spans of a draining worker's last activities go out too.
 */
export class TracingShutdown implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await shutdownTracing();
  }
}
