import { ROLES } from '@court/domain';
import { ApiProperty } from '@nestjs/swagger';

/** `GET /api/directory` as an OpenAPI schema (phones masked). */

const NULLABLE_TEXT = { type: String, nullable: true } as const;

export class DepartmentView {
  @ApiProperty({ example: 'civil' }) id!: string;
  @ApiProperty({ example: '民事审判庭' }) name!: string;
  @ApiProperty({ description: '部门负责人' }) headId!: string;
  @ApiProperty({ ...NULLABLE_TEXT, description: '主管副庭长' }) viceChiefId!: string | null;
  @ApiProperty({ ...NULLABLE_TEXT, description: '庭长' }) chiefId!: string | null;
  @ApiProperty({ ...NULLABLE_TEXT, description: '主管副院长' }) vicePresidentId!: string | null;
}

export class PersonView {
  @ApiProperty({ example: 'judge01' }) id!: string;
  @ApiProperty({ example: '李明' }) name!: string;
  @ApiProperty({ enum: ROLES }) role!: (typeof ROLES)[number];
  @ApiProperty({ example: '民事审判庭审判员' }) title!: string;
  @ApiProperty({ ...NULLABLE_TEXT, description: '同 departmentId（旧字段）' }) department!:
    | string
    | null;
  @ApiProperty(NULLABLE_TEXT) departmentId!: string | null;
  @ApiProperty(NULLABLE_TEXT) departmentName!: string | null;
  @ApiProperty({ example: '139****1001' }) phone!: string;
}

export class CaseView {
  @ApiProperty({ example: '(2026)豫0782民初1号' }) number!: string;
  @ApiProperty() presidingJudgeId!: string;
  @ApiProperty(NULLABLE_TEXT) presidingJudgeName!: string | null;
  @ApiProperty(NULLABLE_TEXT) departmentId!: string | null;
  @ApiProperty(NULLABLE_TEXT) cause!: string | null;
}

export class DirectoryView {
  @ApiProperty({ description: '本院及院领导', type: 'object', additionalProperties: true })
  court!: object;
  @ApiProperty({
    description: '第四条第三、五、六项的专门部门',
    type: 'object',
    additionalProperties: true,
  })
  special!: object;
  @ApiProperty({ type: [DepartmentView] }) departments!: DepartmentView[];
  @ApiProperty({ type: [PersonView] }) people!: PersonView[];
  @ApiProperty({ type: [CaseView] }) cases!: CaseView[];
}
