import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';

/** Login and the own password change (the JWT guard itself is the shared `AuthModule` of libs/auth). */
@Module({ imports: [AccountsModule], controllers: [AuthController], providers: [AuthService] })
export class AuthFeatureModule {}
