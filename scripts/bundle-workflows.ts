import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workflowTracingModules } from '@court/telemetry';
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

/**
 * The ticket worker's bundles (the one it loads while tracing is on has the OpenTelemetry
 * workflow interceptors), and the reporting service's (the bulletin workflow).
 */
const BUNDLES = [
  { workflowsPath: require.resolve('../workflows'), file: 'workflow-bundle.js' },
  {
    workflowsPath: require.resolve('../workflows'),
    file: 'workflow-bundle-traced.js',
    workflowInterceptorModules: workflowTracingModules(),
  },
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
      workflowInterceptorModules: bundle.workflowInterceptorModules,
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
