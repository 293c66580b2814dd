import {
  AccountStateCache,
  hashPassword,
  needsRehash,
  passwordProblem,
  verifyPassword,
} from '@court/auth';
import { type AccountFields, newAccount, type UserDoc } from '@court/database';
import { maskPhone, parsePhone, type Role } from '@court/domain';
import {
  BadRequestException,
  ConflictException,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { LoginThrottle } from '../auth/login-throttle';
import { DirectoryService } from '../directory/directory.service';
import { INTAKE_STORE, type IntakeStore } from '../intake-store';
import type { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import type { UserView } from './dto/user-view.dto';

function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    message: '请求参数有误',
    errors: [{ field, message }],
  });
}

/** 429 with the wait, for the login and the password change (the controller sets Retry-After). */
export function tooManyAttempts(waitMs: number): HttpException {
  const seconds = Math.ceil(waitMs / 1000);
  const when = seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
  return new HttpException(
    {
      statusCode: HttpStatus.TOO_MANY_REQUESTS,
      message: `登录失败次数过多，请 ${when}后再试`,
      retryAfterSeconds: seconds,
    },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}

/**
 * Accounts (API.md, Accounts): created, listed, changed and reset by an admin; a person changes
 * their own password. Every change that must end the person's sessions — disabling, a password
 * changed or reset, roles or department changed (both are in the token) — raises the account's
 * token version, and this process forgets the cached state at once (other processes within
 * the guard's cache period). An account of someone in the court directory (same id) keeps
 * the directory's name, department and phone in step.
 */
@Injectable()
export class AccountsService {
  private readonly logger = new Logger('Accounts');

  constructor(
    @Inject(INTAKE_STORE) private readonly store: IntakeStore,
    private readonly states: AccountStateCache,
    private readonly throttle: LoginThrottle,
    private readonly directory: DirectoryService,
  ) {}

  async list(): Promise<UserView[]> {
    const [users, people] = await Promise.all([
      this.store.accounts.list(),
      this.store.directory.personPhones(),
    ]);
    const phones = new Map(people.map((p) => [String(p._id), p.phone ?? null]));
    return users.map((u) => this.view(u, phones.get(u._id) ?? null));
  }

  async create(body: CreateUserDto): Promise<UserView> {
    const problem = passwordProblem(body.password, body.id);
    if (problem) throw fieldError('password', problem);
    const departmentId = await this.checkDepartment(body.departmentId);
    const phone = this.checkPhone(body.phone);
    if (await this.store.accounts.get(body.id)) throw this.idTaken(body.id);
    const doc = newAccount({
      _id: body.id,
      name: body.name.trim(),
      roles: [...body.roles],
      departmentId,
      phone,
      passwordHash: await hashPassword(body.password),
    });
    if (!(await this.store.accounts.insert(doc))) throw this.idTaken(body.id);
    this.states.forget(doc._id);
    const personPhone = await this.syncPerson(doc._id, {
      name: doc.name,
      departmentId,
      ...(phone ? { phone } : {}),
    });
    this.logger.log(`新建账号 ${doc._id}（${doc.roles.join('、')}）`);
    return this.view(doc, personPhone);
  }

  async update(id: string, body: UpdateUserDto, actorId: string): Promise<UserView> {
    const user = await this.store.accounts.get(id);
    if (!user) throw this.notFound(id);
    const fields: AccountFields = {};
    if (body.name !== undefined) fields.name = body.name.trim();
    if (body.roles !== undefined) {
      if (id === actorId && !body.roles.includes('admin')) {
        throw fieldError('roles', '不能取消自己的管理员角色');
      }
      fields.roles = [...body.roles];
    }
    if (body.departmentId !== undefined) {
      fields.departmentId = await this.checkDepartment(body.departmentId);
    }
    if (body.phone !== undefined) fields.phone = this.checkPhone(body.phone);
    if (body.disabled !== undefined) {
      if (id === actorId && body.disabled) throw fieldError('disabled', '不能停用自己的账号');
      fields.disabled = body.disabled;
    }
    const endsSessions =
      (fields.disabled === true && !user.disabled) ||
      (fields.roles !== undefined && !sameSet(fields.roles, user.roles)) ||
      (fields.departmentId !== undefined && fields.departmentId !== (user.departmentId ?? null));
    if (endsSessions) fields.tokenVersion = (user.tokenVersion ?? 0) + 1;
    await this.store.accounts.update(id, fields);
    this.states.forget(id);
    const personPhone = await this.syncPerson(id, {
      ...(fields.name !== undefined ? { name: fields.name } : {}),
      ...(fields.departmentId !== undefined ? { departmentId: fields.departmentId } : {}),
      ...(fields.phone ? { phone: fields.phone } : {}),
    });
    this.logger.log(
      `修改账号 ${id}：${Object.keys(body).join('、')}${endsSessions ? '（原有登录已失效）' : ''}`,
    );
    return this.view({ ...user, ...fields }, personPhone);
  }

  /** Admin reset: a new password, every session ended, to be changed at next login. */
  async resetPassword(id: string, password: string): Promise<void> {
    const user = await this.store.accounts.get(id);
    if (!user) throw this.notFound(id);
    const problem = passwordProblem(password, id);
    if (problem) throw fieldError('password', problem);
    await this.store.accounts.update(id, {
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
      tokenVersion: (user.tokenVersion ?? 0) + 1,
      passwordChangedAt: new Date(),
    });
    this.states.forget(id);
    this.throttle.recordSuccess(id);
    this.logger.log(`重置账号 ${id} 的密码`);
  }

  /**
   * The person's own change: the current password must match (a wrong one counts as a failed
   * login, so a stolen token cannot guess it fast), the new one obeys the rules and differs.
   * Every session, this one included, ends: the page signs in again with the new password.
   */
  async changeOwnPassword(
    id: string,
    currentPassword: string,
    newPassword: string,
    address: string,
  ): Promise<void> {
    const wait = this.throttle.retryAfterMs(id, address);
    if (wait > 0) throw tooManyAttempts(wait);
    const user = await this.store.accounts.get(id);
    if (!user) throw this.notFound(id);
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      this.throttle.recordFailure(id, address);
      throw fieldError('currentPassword', '当前密码不正确');
    }
    const problem =
      passwordProblem(newPassword, id) ??
      (newPassword === currentPassword ? '新密码不能与当前密码相同' : null);
    if (problem) throw fieldError('newPassword', problem);
    await this.store.accounts.update(id, {
      passwordHash: await hashPassword(newPassword),
      mustChangePassword: false,
      tokenVersion: (user.tokenVersion ?? 0) + 1,
      passwordChangedAt: new Date(),
    });
    this.states.forget(id);
    this.logger.log(`账号 ${id} 修改了密码`);
  }

  /** A successful login: when the stored hash is weaker than today's, store a new one. */
  async afterLogin(user: UserDoc, password: string): Promise<void> {
    await this.store.accounts.recordLogin(user._id);
    if (!needsRehash(user.passwordHash)) return;
    try {
      const rehashed = await this.store.accounts.replaceHash(
        user._id,
        user.passwordHash,
        await hashPassword(password),
      );
      if (rehashed) this.logger.log(`账号 ${user._id} 的密码散列已升级到当前参数`);
    } catch (error) {
      this.logger.warn(`账号 ${user._id} 的密码散列升级失败：${(error as Error).message}`);
    }
  }

  view(user: UserDoc, directoryPhone: string | null = null): UserView {
    const phone = user.phone || directoryPhone;
    return {
      id: user._id,
      name: user.name,
      roles: user.roles as Role[],
      departmentId: user.departmentId ?? null,
      phone: phone ? maskPhone(phone) : null,
      disabled: user.disabled === true,
      mustChangePassword: user.mustChangePassword === true,
      lastLoginAt: user.lastLoginAt ? new Date(user.lastLoginAt).toISOString() : null,
    };
  }

  private async checkDepartment(departmentId: string | null | undefined): Promise<string | null> {
    if (departmentId === undefined || departmentId === null || departmentId.trim() === '') {
      return null;
    }
    const found = await this.store.directory.departmentById(departmentId.trim());
    if (!found) throw fieldError('departmentId', `没有编号为 ${departmentId} 的部门`);
    return found._id;
  }

  private checkPhone(phone: string | null | undefined): string | null {
    if (phone === undefined || phone === null || phone.trim() === '') return null;
    const parsed = parsePhone(phone);
    if (!parsed.ok) throw fieldError('phone', parsed.message);
    return parsed.value.normalized;
  }

  /**
   * The directory person with the account's id (if any) takes the account's name, department
   * and phone; returns the person's phone (the account view falls back to it).
   */
  private async syncPerson(
    id: string,
    fields: { name?: string; departmentId?: string | null; phone?: string },
  ): Promise<string | null> {
    const person = await this.store.directory.personById(id);
    if (!person) return null;
    if (Object.keys(fields).length > 0) {
      await this.store.directory.updatePerson(id, fields);
      this.directory.invalidate();
    }
    return fields.phone ?? person.phone ?? null;
  }

  private idTaken(id: string): ConflictException {
    return new ConflictException({
      statusCode: 409,
      message: `用户名 ${id} 已被使用`,
      errors: [{ field: 'id', message: '该用户名已被使用' }],
    });
  }

  private notFound(id: string): NotFoundException {
    return new NotFoundException(`没有用户名为 ${id} 的账号`);
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
