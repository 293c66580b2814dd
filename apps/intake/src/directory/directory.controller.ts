import { Roles } from '@court/auth';
import { Audited, type AuditSource, AuditTrail } from '@court/database';
import { normalizeCaseNumber, parseCaseNumber, parsePhone } from '@court/domain';
import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Put,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { INTAKE_STORE, type IntakeStore } from '../intake-store';
import { DirectoryService } from './directory.service';
import { CaseDto, DepartmentDto, PersonDto } from './dto/directory.dto';
import { DirectoryView } from './dto/directory-view.dto';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function checkId(id: string, what: string): void {
  if (!ID.test(id)) {
    throw new BadRequestException({
      statusCode: 400,
      message: '请求参数有误',
      errors: [{ field: 'id', message: `${what}编号应为1-64位字母、数字、点、横线或下划线` }],
    });
  }
}

/** The court directory: everyone signed in may read it (phones masked); admins maintain it. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('api/directory')
export class DirectoryController {
  constructor(
    private readonly directory: DirectoryService,
    @Inject(INTAKE_STORE) private readonly store: IntakeStore,
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  @Roles('agent', 'handler', 'supervisor', 'leader', 'admin')
  @ApiOperation({ summary: '通讯录：部门、人员（电话脱敏）、案件' })
  @ApiOkResponse({ type: DirectoryView })
  view(): Promise<DirectoryView> {
    return this.directory.publicView();
  }

  @Put('people/:id')
  @Roles('admin')
  @ApiOperation({ summary: '新增或修改人员（管理员）' })
  async putPerson(@Param('id') id: string, @Body() body: PersonDto, @Audited() by: AuditSource) {
    checkId(id, '人员');
    const phone = parsePhone(body.phone);
    if (!phone.ok) {
      throw new BadRequestException({
        statusCode: 400,
        message: '请求参数有误',
        errors: [{ field: 'phone', message: phone.message }],
      });
    }
    const person = {
      id,
      name: body.name.trim(),
      role: body.role,
      title: body.title?.trim() ?? '',
      departmentId: body.departmentId ?? null,
      phone: phone.value.normalized,
    };
    const data = await this.directory.snapshot();
    const people = data.people.filter((p) => p.id !== id);
    this.directory.assertValid({ ...data, people: [...people, person] }, fieldOf);
    await this.store.directory.savePerson(id, {
      name: person.name,
      role: person.role,
      title: person.title,
      departmentId: person.departmentId,
      phone: person.phone,
    });
    this.directory.invalidate();
    await this.directory.syncAccount(person);
    await this.audit.changed(by, {
      action: 'directory.person.put',
      target: id,
      detail: `保存人员 ${person.name}`,
    });
    return person;
  }

  @Put('departments/:id')
  @Roles('admin')
  @ApiOperation({ summary: '新增或修改部门（管理员）' })
  async putDepartment(
    @Param('id') id: string,
    @Body() body: DepartmentDto,
    @Audited() by: AuditSource,
  ) {
    checkId(id, '部门');
    const department = {
      id,
      name: body.name.trim(),
      headId: body.headId,
      viceChiefId: body.viceChiefId ?? null,
      chiefId: body.chiefId ?? null,
      vicePresidentId: body.vicePresidentId ?? null,
    };
    const data = await this.directory.snapshot();
    const departments = data.departments.filter((d) => d.id !== id);
    this.directory.assertValid({ ...data, departments: [...departments, department] }, fieldOf);
    const { id: _id, ...fields } = department;
    await this.store.directory.saveDepartment(id, fields);
    this.directory.invalidate();
    await this.audit.changed(by, {
      action: 'directory.department.put',
      target: id,
      detail: `保存部门 ${department.name}`,
    });
    return department;
  }

  @Put('cases')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '新增或修改案件及其承办法官（管理员）' })
  async putCase(@Body() body: CaseDto, @Audited() by: AuditSource) {
    const parsed = parseCaseNumber(body.number);
    if (!parsed.ok) {
      throw new BadRequestException({
        statusCode: 400,
        message: '请求参数有误',
        errors: [{ field: 'number', message: parsed.message }],
      });
    }
    const number = parsed.value.normalized;
    const record = {
      number,
      presidingJudgeId: body.presidingJudgeId,
      ...(body.cause ? { cause: body.cause } : {}),
    };
    const data = await this.directory.snapshot();
    const cases = data.cases.filter((c) => normalizeCaseNumber(c.number) !== number);
    this.directory.assertValid({ ...data, cases: [...cases, record] }, fieldOf);
    await this.store.directory.saveCase(number, {
      presidingJudgeId: record.presidingJudgeId,
      cause: body.cause ?? null,
    });
    this.directory.invalidate();
    await this.audit.changed(by, {
      action: 'directory.case.put',
      target: number,
      detail: `保存案件 ${number}，承办法官 ${record.presidingJudgeId}`,
    });
    return { ...record, cause: body.cause ?? null };
  }
}

/** A directory-wide problem reported against the field of the request that caused it. */
function fieldOf(error: { field: string }): string {
  const m = /^(?:people|departments|cases)\[\d+\]\.(.+)$/.exec(error.field);
  return m ? m[1]! : error.field;
}
