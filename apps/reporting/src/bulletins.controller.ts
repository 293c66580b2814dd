import { CurrentUser, type Principal, Roles } from '@court/auth';
import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { READ_ALL_ROLES, REPORT_ROLES, ReportAccess, viewOf } from './access';
import {
  BULLETIN_COLUMNS,
  BulletinsService,
  bulletinJson,
  bulletinRow,
  entriesIn,
} from './bulletins.service';
import {
  BulletinDto,
  BulletinFormatQueryDto,
  BulletinListDto,
  BulletinListQueryDto,
  CreateBulletinDto,
} from './dto/bulletin.dto';
import { jsonOrFile, XLSX_MEDIA_TYPE } from './dto/json-or-file';
import { attachment, writeXlsx } from './exports';
import { periodOf } from './reports.service';

async function* listOf<T>(items: T[], row: (item: T) => (string | number)[]) {
  for (const item of items) yield row(item);
}

/** A sheet of bulletined and overdue counts per group (department or handler). */
function groupSheet(
  name: string,
  header: string,
  width: number,
  groups: { name: string; bulletined: string[]; overdue: string[] }[],
) {
  return {
    name,
    columns: [
      { header, key: 'name', width },
      { header: '通报件数', key: 'bulletined', width: 10 },
      { header: '逾期件数', key: 'overdue', width: 10 },
      { header: '通报工单', key: 'ids', width: 60 },
    ],
    rows: listOf(groups, (g) => [
      g.name,
      g.bulletined.length,
      g.overdue.length,
      g.bulletined.join('、'),
    ]),
  };
}

@ApiTags('bulletins')
@ApiBearerAuth()
@ApiForbiddenResponse({
  description: '座席员无权查看；承办人只看到转办给本人的部分，部门负责人另加所负责部门的部分',
})
@Controller('api/bulletins')
export class BulletinsController {
  constructor(
    private readonly bulletins: BulletinsService,
    private readonly access: ReportAccess,
  ) {}

  @Get()
  @Roles(...REPORT_ROLES)
  @ApiOperation({ summary: '通报列表（新的在前）' })
  @ApiOkResponse({ type: BulletinListDto })
  async list(
    @Query() query: BulletinListQueryDto,
    @CurrentUser() user: Principal,
  ): Promise<BulletinListDto> {
    const scope = await this.access.scope(user);
    return this.bulletins.list(query.page ?? 1, query.limit ?? 20, viewOf(scope));
  }

  @Get(':id')
  @Roles(...REPORT_ROLES)
  @ApiOperation({ summary: '一期通报；format=xlsx 导出 Excel' })
  @ApiExtraModels(BulletinDto)
  @ApiOkResponse(jsonOrFile(BulletinDto, [XLSX_MEDIA_TYPE], 'json: 一期通报；xlsx: 文件'))
  @ApiNotFoundResponse()
  async one(
    @Param('id') id: string,
    @Query() query: BulletinFormatQueryDto,
    @CurrentUser() user: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const part = viewOf(await this.access.scope(user));
    const doc = await this.bulletins.get(id);
    const view: BulletinDto = bulletinJson(doc, part);
    if ((query.format ?? 'json') === 'json') {
      res.json(view);
      return;
    }
    const mine = (list: typeof doc.bulletined) => entriesIn(list, part);
    res.setHeader('Content-Type', XLSX_MEDIA_TYPE);
    res.setHeader('Content-Disposition', attachment(`${doc._id}.xlsx`, `情况通报-${doc._id}.xlsx`));
    await writeXlsx(res, [
      {
        name: '通报工单',
        columns: BULLETIN_COLUMNS,
        rows: listOf(mine(doc.bulletined), bulletinRow),
      },
      { name: '逾期工单', columns: BULLETIN_COLUMNS, rows: listOf(mine(doc.overdue), bulletinRow) },
      groupSheet('按部门', '承办部门', 20, view.byDepartment),
      groupSheet('按承办人', '承办人', 12, view.byHandler),
    ]);
  }

  @Post()
  @Roles(...READ_ALL_ROLES)
  @ApiOperation({ summary: '立即生成一期通报（期间内被列入通报和逾期的工单，及期间指标）' })
  @ApiCreatedResponse({ type: BulletinDto })
  async create(
    @Body() body: CreateBulletinDto,
    @CurrentUser() user: Principal,
  ): Promise<BulletinDto> {
    const doc = await this.bulletins.generate(periodOf(body.from, body.to), user.id);
    return bulletinJson(doc);
  }
}
