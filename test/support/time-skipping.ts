// Temporal's time-skipping test environment, driven by the Java test server that
// scripts/tools/install-temporal-test-server.sh installs from Maven Central. The SDK's own
// TestWorkflowEnvironment.createTimeSkipping() would download a native binary from GitHub
// releases, which this project's machines cannot reach.
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  TestWorkflowEnvironment,
  type TimeSkippingTestWorkflowEnvironmentOptions,
} from '@temporalio/testing';

const repoRoot = path.resolve(__dirname, '..', '..');

/** The wrapper the install script writes; the SDK runs it as `<path> <port> [extraArgs...]`. */
export const timeSkippingServerPath = path.join(repoRoot, '.tools', 'bin', 'temporal-test-server');

const installHint = 'run scripts/tools/install-temporal-test-server.sh (needs Java and Maven)';

/**
 * Starts a time-skipping test server of its own (a JVM, on a free port) and connects to it.
 * Call `teardown()` on the result when done: it stops the server.
 *
 * One environment's clock is shared by all its workflows: time skips while a workflow result
 * is awaited or in `env.sleep()`, so run the tests that share one environment serially.
 */
export async function createTimeSkippingEnv(
  options: Omit<TimeSkippingTestWorkflowEnvironmentOptions, 'server'> = {},
): Promise<TestWorkflowEnvironment> {
  if (!existsSync(timeSkippingServerPath)) {
    throw new Error(
      `Temporal time-skipping test server not installed: ${timeSkippingServerPath} is missing; ${installHint}.`,
    );
  }
  try {
    return await TestWorkflowEnvironment.createTimeSkipping({
      ...options,
      server: { executable: { type: 'existing-path', path: timeSkippingServerPath } },
    });
  } catch (error) {
    // The SDK gives the server 5 s to accept connections; the server's own output (on this
    // process's stderr) tells why it did not.
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Temporal time-skipping test server (${timeSkippingServerPath}) failed to start: ${reason}. ` +
        `See its output above; if the install is stale or broken, ${installHint} --force.`,
      { cause: error },
    );
  }
}
