export * from './access-log';
export * from './error-serializer';
export * from './json-logger';
export * from './logging-module';
export * from './temporal-runtime-logger';
