export * from './config.module';
export * from './service-config';
