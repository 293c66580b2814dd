export * from './start-tracing';
export * from './temporal-tracing';
export * from './tracing-settings';
export * from './tracing-shutdown';
