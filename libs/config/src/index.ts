export * from './config.module';
export * from './process-settings';
export * from './render-settings-table';
export * from './secret-setting';
export * from './service-config';
export * from './settings-catalogue';
export * from './temporal-access';
