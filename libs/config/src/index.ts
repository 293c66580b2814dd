export * from './config.module';
export * from './secret-setting';
export * from './service-config';
export * from './temporal-access';
