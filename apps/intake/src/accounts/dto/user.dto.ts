import { ROLES, type Role } from '@court/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

/** An account id: the login name and the person's id in the directory. */
export const ACCOUNT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ID_MESSAGE = '用户名应为1-64位字母、数字、点、横线或下划线，以字母或数字开头';
const ROLES_MESSAGE = `角色应为 ${ROLES.join(' | ')} 之一`;

/** The shape checks shared by create and update; the rules beyond shape are the service's. */
class AccountFieldsDto {
  @ApiProperty({ example: '钱程' })
  @IsString({ message: '姓名应为文本' })
  @MinLength(1, { message: '姓名不能为空' })
  @MaxLength(50, { message: '姓名不能超过50个字' })
  name!: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['handler'] })
  @IsArray({ message: ROLES_MESSAGE })
  @ArrayMinSize(1, { message: '至少选择一个角色' })
  @ArrayMaxSize(ROLES.length, { message: ROLES_MESSAGE })
  @ArrayUnique({ message: '角色不能重复' })
  @IsIn(ROLES, { each: true, message: ROLES_MESSAGE })
  roles!: Role[];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'civil' })
  @IsOptional()
  @IsString({ message: '部门编号应为文本' })
  @MaxLength(64, { message: '部门编号不能超过64个字' })
  departmentId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '13903731011' })
  @IsOptional()
  @IsString({ message: '手机号应为文本' })
  @MaxLength(40, { message: '手机号不能超过40个字' })
  phone?: string | null;
}

/** `POST /api/users` (admin). */
export class CreateUserDto extends AccountFieldsDto {
  @ApiProperty({ example: 'judge02', pattern: ACCOUNT_ID.source })
  @IsString({ message: ID_MESSAGE })
  @Matches(ACCOUNT_ID, { message: ID_MESSAGE })
  id!: string;

  @ApiProperty({ minLength: 10, description: '初始密码：至少10个字符，不能与用户名相同' })
  @IsString({ message: '密码应为文本' })
  @MaxLength(256, { message: '密码不能超过256个字' })
  password!: string;
}

/** `PATCH /api/users/:id` (admin): only the fields given change. */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: '钱程' })
  @IsOptional()
  @IsString({ message: '姓名应为文本' })
  @MinLength(1, { message: '姓名不能为空' })
  @MaxLength(50, { message: '姓名不能超过50个字' })
  name?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray({ message: ROLES_MESSAGE })
  @ArrayMinSize(1, { message: '至少选择一个角色' })
  @ArrayMaxSize(ROLES.length, { message: ROLES_MESSAGE })
  @ArrayUnique({ message: '角色不能重复' })
  @IsIn(ROLES, { each: true, message: ROLES_MESSAGE })
  roles?: Role[];

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString({ message: '部门编号应为文本' })
  @MaxLength(64, { message: '部门编号不能超过64个字' })
  departmentId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString({ message: '手机号应为文本' })
  @MaxLength(40, { message: '手机号不能超过40个字' })
  phone?: string | null;

  @ApiPropertyOptional({ description: 'true：停用，其所有令牌立即失效' })
  @IsOptional()
  @IsBoolean({ message: '停用应为 true 或 false' })
  disabled?: boolean;
}

/** `POST /api/users/:id/password` (admin): a new password, to be changed at next login. */
export class ResetPasswordDto {
  @ApiProperty({ minLength: 10 })
  @IsString({ message: '密码应为文本' })
  @MaxLength(256, { message: '密码不能超过256个字' })
  password!: string;
}

/** `POST /api/auth/password` (the user). */
export class ChangePasswordDto {
  @ApiProperty()
  @IsString({ message: '当前密码应为文本' })
  @MinLength(1, { message: '请输入当前密码' })
  @MaxLength(256, { message: '密码不能超过256个字' })
  currentPassword!: string;

  @ApiProperty({ minLength: 10, description: '至少10个字符，不能与用户名或当前密码相同' })
  @IsString({ message: '新密码应为文本' })
  @MaxLength(256, { message: '密码不能超过256个字' })
  newPassword!: string;
}
