import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Principal } from './principal';

/** Issues the signed token that all three services accept. */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(principal: Principal): Promise<string> {
    return this.jwt.signAsync({
      sub: principal.id,
      name: principal.name,
      roles: principal.roles,
      dept: principal.departmentId,
    });
  }
}
