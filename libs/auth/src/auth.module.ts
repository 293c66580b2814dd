import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AccountStateCache, AUTH_STATE_CACHE_MS, accountStateCacheMs } from './account-state';
import { AuthGuard } from './auth.guard';
import { loadAuthConfig } from './auth-config';
import { TokenService } from './token.service';

/**
 * The shared JWT (HS256): every service verifies it with the same secret; the guard is global
 * and checks each token's version against its account (the service's database connection).
 */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      useFactory: () => {
        const config = loadAuthConfig();
        return {
          secret: config.secret,
          signOptions: { expiresIn: config.expiresInSeconds, algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        };
      },
    }),
  ],
  providers: [
    { provide: AUTH_STATE_CACHE_MS, useFactory: (): number => accountStateCacheMs() },
    TokenService,
    AccountStateCache,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, AccountStateCache, JwtModule],
})
export class AuthModule {}
