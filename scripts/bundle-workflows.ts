import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { REPO_ROOT } from './stack/paths';

const QUIET = {
  trace() {},
  debug() {},
  info() {},
  warn: console.warn,
  error: console.error,
  log() {},
};

/** The ticket worker's bundle, and the reporting service's (the bulletin workflow). */
const BUNDLES = [
  { workflowsPath: require.resolve('../workflows'), file: 'workflow-bundle.js' },
  {
    workflowsPath: require.resolve('../workflows/bulletin'),
    file: 'bulletin-workflow-bundle.js',
  },
];

/** Prebuilds the workflow bundles that the workers load in production (no bundling at start). */
async function main(): Promise<void> {
  for (const bundle of BUNDLES) {
    const started = Date.now();
    const { code } = await bundleWorkflowCode({
      workflowsPath: bundle.workflowsPath,
      logger: QUIET,
    });
    const target = join(REPO_ROOT, 'dist', bundle.file);
    writeFileSync(target, code);
    console.log(
      `workflow bundle: ${target} (${(code.length / 1024).toFixed(0)} KiB, ${Date.now() - started} ms)`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
