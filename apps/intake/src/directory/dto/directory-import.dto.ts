import { DIRECTORY_IMPORT_KINDS, type DirectoryImportKind } from '@court/domain';
import { ApiProperty } from '@nestjs/swagger';

/** `POST /api/directory/import` (admin): the multipart form. */
export class DirectoryImportForm {
  @ApiProperty({
    enum: DIRECTORY_IMPORT_KINDS,
    description:
      '导入类型：cases（案号,承办法官,案由）或 people（工号,姓名,角色,职务,部门,手机号）',
  })
  kind!: DirectoryImportKind;

  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'CSV 文件（UTF-8，可带 BOM，或 GBK/GB18030），首行为表头，至多 2 MB',
  })
  file!: unknown;
}

/** `POST /api/directory/import`: what the import did (nothing on any error: 400 per row). */
export class DirectoryImportResult {
  @ApiProperty({ enum: DIRECTORY_IMPORT_KINDS })
  kind!: DirectoryImportKind;

  @ApiProperty({ description: '新增的记录数', example: 12 })
  created!: number;

  @ApiProperty({ description: '有变化而更新的记录数', example: 3 })
  updated!: number;

  @ApiProperty({ description: '与现有记录相同、未改动的记录数', example: 40 })
  unchanged!: number;

  @ApiProperty({ enum: ['utf-8', 'gb18030'], description: '文件按此编码读取' })
  encoding!: 'utf-8' | 'gb18030';
}
