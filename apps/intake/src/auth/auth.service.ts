import { hashPassword, type Principal, TokenService, verifyPassword } from '@court/auth';
import type { Role } from '@court/domain';
import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { INTAKE_MODELS, type IntakeModels } from '../intake-models';
import { INTAKE_SETTINGS, type IntakeSettings } from '../intake-settings';
import { LoginThrottle } from './login-throttle';

const WRONG_CREDENTIALS = '用户名或密码错误';

@Injectable()
export class AuthService {
  private readonly throttle: LoginThrottle;
  /** Verified against when the account does not exist, so that timing does not tell. */
  private readonly dummyHash = hashPassword('not-a-password');

  constructor(
    @Inject(INTAKE_MODELS) private readonly models: IntakeModels,
    @Inject(INTAKE_SETTINGS) settings: IntakeSettings,
    private readonly tokens: TokenService,
  ) {
    this.throttle = new LoginThrottle(settings.login);
    this.dummyHash.catch(() => undefined);
  }

  async login(username: string, password: string, address: string) {
    const wait = this.throttle.retryAfterMs(username, address);
    if (wait > 0) {
      throw new HttpException(
        {
          statusCode: HttpStatus.TOO_MANY_REQUESTS,
          message: `登录失败次数过多，请 ${Math.ceil(wait / 60_000)} 分钟后再试`,
          retryAfterSeconds: Math.ceil(wait / 1000),
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const user = await this.models.users.findById(username).lean();
    const valid = user
      ? !user.disabled && (await verifyPassword(password, user.passwordHash))
      : (await verifyPassword(password, await this.dummyHash)) && false;
    if (!user || !valid) {
      this.throttle.recordFailure(username, address);
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }
    this.throttle.recordSuccess(username);
    const principal: Principal = {
      id: user._id,
      name: user.name,
      roles: user.roles as Role[],
      departmentId: user.departmentId ?? null,
    };
    return {
      accessToken: await this.tokens.issue(principal),
      tokenType: 'Bearer',
      user: {
        id: principal.id,
        name: principal.name,
        roles: principal.roles,
        departmentId: principal.departmentId,
      },
    };
  }
}
