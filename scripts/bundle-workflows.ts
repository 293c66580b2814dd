import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { REPO_ROOT } from './stack/paths';

/** Prebuilds the workflow bundle that the ticket worker loads in production (no bundling at start). */
async function main(): Promise<void> {
  const started = Date.now();
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows'),
    logger: {
      trace() {},
      debug() {},
      info() {},
      warn: console.warn,
      error: console.error,
      log() {},
    },
  });
  const target = join(REPO_ROOT, 'dist', 'workflow-bundle.js');
  writeFileSync(target, code);
  console.log(
    `workflow bundle: ${target} (${(code.length / 1024).toFixed(0)} KiB, ${Date.now() - started} ms)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
