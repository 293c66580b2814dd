import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'agent01' })
  @IsString({ message: '用户名应为文本' })
  @MinLength(1, { message: '用户名不能为空' })
  @MaxLength(64, { message: '用户名不能超过64个字' })
  username!: string;

  @ApiProperty({ example: 'demo12368' })
  @IsString({ message: '密码应为文本' })
  @MinLength(1, { message: '密码不能为空' })
  @MaxLength(256, { message: '密码不能超过256个字' })
  password!: string;
}
