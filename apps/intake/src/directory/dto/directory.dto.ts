import { ROLES, type Role } from '@court/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** `PUT /api/directory/people/:id` (admin). */
export class PersonDto {
  @ApiProperty({ example: '李明' })
  @IsString({ message: '姓名应为文本' })
  @MinLength(1, { message: '姓名不能为空' })
  @MaxLength(50, { message: '姓名不能超过50个字' })
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `角色应为 ${ROLES.join(' | ')} 之一` })
  role!: Role;

  @ApiPropertyOptional({ example: '民事审判庭审判员' })
  @IsOptional()
  @IsString({ message: '职务应为文本' })
  @MaxLength(100, { message: '职务不能超过100个字' })
  title?: string;

  @ApiPropertyOptional({ type: String, example: 'civil', nullable: true })
  @IsOptional()
  @IsString({ message: '部门编号应为文本' })
  @MaxLength(64, { message: '部门编号不能超过64个字' })
  departmentId?: string | null;

  @ApiProperty({ example: '13903731001' })
  @IsString({ message: '电话应为文本' })
  @MaxLength(40, { message: '电话不能超过40个字' })
  phone!: string;
}

/** `PUT /api/directory/departments/:id` (admin). */
export class DepartmentDto {
  @ApiProperty({ example: '民事审判庭' })
  @IsString({ message: '部门名称应为文本' })
  @MinLength(1, { message: '部门名称不能为空' })
  @MaxLength(100, { message: '部门名称不能超过100个字' })
  name!: string;

  @ApiProperty({ example: 'head-civil' })
  @IsString({ message: '部门负责人应为人员编号' })
  @MinLength(1, { message: '部门负责人不能为空' })
  headId!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString({ message: '主管副庭长应为人员编号' })
  viceChiefId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString({ message: '庭长应为人员编号' })
  chiefId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString({ message: '主管副院长应为人员编号' })
  vicePresidentId?: string | null;
}

/** `PUT /api/directory/cases` (admin): a case and its presiding judge. */
export class CaseDto {
  @ApiProperty({ example: '(2026)豫0782民初1号' })
  @IsString({ message: '案号应为文本' })
  @MaxLength(64, { message: '案号不能超过64个字' })
  number!: string;

  @ApiProperty({ example: 'judge01' })
  @IsString({ message: '承办法官应为人员编号' })
  @MinLength(1, { message: '承办法官不能为空' })
  presidingJudgeId!: string;

  @ApiPropertyOptional({ type: String, example: '民间借贷纠纷', nullable: true })
  @IsOptional()
  @IsString({ message: '案由应为文本' })
  @MaxLength(100, { message: '案由不能超过100个字' })
  cause?: string | null;
}
