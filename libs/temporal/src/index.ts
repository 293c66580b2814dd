export * from './data-converter';
export * from './namespace-setup';
export * from './payload-codec';
export * from './search-attributes';
export * from './task-queues';
export * from './temporal-client.module';
export * from './temporal-runtime';
export * from './worker-host';
