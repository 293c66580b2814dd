import { Module } from '@nestjs/common';
import { LoginThrottle } from '../auth/login-throttle';
import { DirectoryModule } from '../directory/directory.module';
import { INTAKE_SETTINGS, type IntakeSettings } from '../intake-settings';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';

/** Accounts, and the failed-login throttle the login and the password change share. */
@Module({
  imports: [DirectoryModule],
  controllers: [AccountsController],
  providers: [
    AccountsService,
    {
      provide: LoginThrottle,
      inject: [INTAKE_SETTINGS],
      useFactory: (settings: IntakeSettings) => new LoginThrottle(settings.login),
    },
  ],
  exports: [AccountsService, LoginThrottle],
})
export class AccountsModule {}
