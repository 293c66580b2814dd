import { DefaultLogger, Runtime } from '@temporalio/worker';

// Tests that talk to real servers wait on real timers and network round trips.
jest.setTimeout(120_000);

// Workers log every state change at INFO; tests want warnings and errors only.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // already installed by an earlier test file in this jest worker
}
