import { ROLES } from '@court/domain';
import { ApiProperty } from '@nestjs/swagger';

/** The login answer and `GET /api/auth/me` as OpenAPI schemas. */

export class SignedInUser {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: (typeof ROLES)[number][];
  @ApiProperty({ type: String, nullable: true }) departmentId!: string | null;
  @ApiProperty({
    description: 'true：须先修改密码（POST /api/auth/password），其他接口一律 403',
  })
  mustChangePassword!: boolean;
}

export class LoginResult {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: string;
  @ApiProperty({ type: SignedInUser }) user!: SignedInUser;
}
