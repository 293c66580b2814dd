export * from './bootstrap';
export * from './health.controller';
export * from './ready-signal';
