import { randomUUID } from 'node:crypto';

/** The servers, namespace and database that the global set-up chose for this run. */
export function testEnv(): { temporalAddress: string; namespace: string; mongodbUri: string } {
  const { TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, MONGODB_URI } = process.env;
  if (!TEMPORAL_ADDRESS || !TEMPORAL_NAMESPACE || !MONGODB_URI) {
    throw new Error('test servers not set up: run through jest with its global set-up (npm test)');
  }
  return {
    temporalAddress: TEMPORAL_ADDRESS,
    namespace: TEMPORAL_NAMESPACE,
    mongodbUri: MONGODB_URI,
  };
}

/** A fresh id per test, so that no two tests share a workflow. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

/** A database of this run's own for one test file: the run's database name plus `_<suffix>`. */
export function testDatabaseUri(suffix: string): string {
  const uri = new URL(testEnv().mongodbUri);
  uri.pathname = `${uri.pathname}_${suffix}`;
  return uri.toString();
}
