export * from './bootstrap';
export * from './health.controller';
export * from './http/api-exception.filter';
export * from './http/configure-http-app';
export * from './http/json-logger';
export * from './http/request-id.middleware';
export * from './http/validation';
export * from './ready-signal';
