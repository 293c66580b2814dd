export * from './access-decision';
export * from './account-state';
export * from './auth.guard';
export * from './auth.module';
export * from './auth-config';
export * from './password';
export * from './principal';
export * from './token.service';
