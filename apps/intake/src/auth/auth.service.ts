import {
  AccountStateCache,
  hashPassword,
  type Principal,
  TokenService,
  verifyPassword,
} from '@court/auth';
import type { Role } from '@court/domain';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { AccountsService, tooManyAttempts } from '../accounts/accounts.service';
import { INTAKE_STORE, type IntakeStore } from '../intake-store';
import type { LoginResult, SignedInUser } from './dto/session.dto';
import { LoginThrottle } from './login-throttle';

const WRONG_CREDENTIALS = '用户名或密码错误';

@Injectable()
export class AuthService {
  /** Verified against when the account does not exist, so that timing does not tell. */
  private readonly dummyHash = hashPassword('not-a-password');

  constructor(
    @Inject(INTAKE_STORE) private readonly store: IntakeStore,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly accounts: AccountsService,
    private readonly states: AccountStateCache,
  ) {
    this.dummyHash.catch(() => undefined);
  }

  async login(username: string, password: string, address: string): Promise<LoginResult> {
    const wait = this.throttle.retryAfterMs(username, address);
    if (wait > 0) throw tooManyAttempts(wait);
    const user = await this.store.accounts.get(username);
    const valid = user
      ? !user.disabled && (await verifyPassword(password, user.passwordHash))
      : (await verifyPassword(password, await this.dummyHash)) && false;
    if (!user || !valid) {
      this.throttle.recordFailure(username, address);
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }
    this.throttle.recordSuccess(username);
    await this.accounts.afterLogin(user, password);
    this.states.forget(user._id);
    const principal: Principal = {
      id: user._id,
      name: user.name,
      roles: user.roles as Role[],
      departmentId: user.departmentId ?? null,
    };
    return {
      accessToken: await this.tokens.issue(principal, user.tokenVersion ?? 0),
      tokenType: 'Bearer',
      user: { ...principal, mustChangePassword: user.mustChangePassword === true },
    };
  }

  /** `GET /api/auth/me`: the token's person, with the account's must-change flag. */
  async me(principal: Principal): Promise<SignedInUser> {
    const state = await this.states.get(principal.id);
    return { ...principal, mustChangePassword: state?.mustChangePassword === true };
  }
}
