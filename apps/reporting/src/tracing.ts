// main.ts imports this first: the HTTP and Express instrumentation patch those modules as they
// load. Relative, not @court/telemetry, whose index would load Nest and Express before it.
import { startTracing } from '../../../libs/telemetry/src/tracing/start-tracing';

startTracing('reporting');
