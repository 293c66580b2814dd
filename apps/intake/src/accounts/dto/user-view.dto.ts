import { ROLES, type Role } from '@court/domain';
import { ApiProperty } from '@nestjs/swagger';

/** An account as the admin sees it (`GET /api/users`, and the answer of each change). */
export class UserView {
  @ApiProperty({ example: 'judge02' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ type: String, nullable: true }) departmentId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '脱敏，如 139****1011' })
  phone!: string | null;
  @ApiProperty() disabled!: boolean;
  @ApiProperty() mustChangePassword!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastLoginAt!: string | null;
}

export class UserList {
  @ApiProperty({ type: [UserView] }) items!: UserView[];
}
