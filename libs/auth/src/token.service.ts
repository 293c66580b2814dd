import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Principal } from './principal';

/** The claims of the token all three services accept. */
export interface TokenClaims {
  sub: string;
  name: string;
  roles: Principal['roles'];
  dept: string | null;
  /** The account's token version when issued; absent only on tokens minted without an account. */
  ver?: number;
}

/** Issues the signed token that all three services accept. */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  /** `tokenVersion`: the account's version (the intake's login always gives it). */
  issue(principal: Principal, tokenVersion?: number): Promise<string> {
    const claims: TokenClaims = {
      sub: principal.id,
      name: principal.name,
      roles: principal.roles,
      dept: principal.departmentId,
      ...(tokenVersion === undefined ? {} : { ver: tokenVersion }),
    };
    return this.jwt.signAsync(claims);
  }
}
