import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';

/** Login (the JWT guard itself is the shared `AuthModule` of libs/auth). */
@Module({ controllers: [AuthController], providers: [AuthService] })
export class AuthFeatureModule {}
