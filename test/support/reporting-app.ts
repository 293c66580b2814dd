import { TokenService } from '@court/auth';
import { configureHttpApp } from '@court/common';
import type { Role } from '@court/domain';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';
import { testEnv } from './test-env';

/** The reporting service in-process, on this run's database and namespace. */
export async function startReportingApp(): Promise<{
  app: NestExpressApplication;
  token: (id: string, roles: Role[], departmentId?: string | null) => Promise<string>;
}> {
  testEnv();
  const moduleRef = await Test.createTestingModule({ imports: [ReportingModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    logger: false,
  });
  configureHttpApp(app, 'test');
  await app.init();
  const tokens = app.get(TokenService);
  return {
    app,
    token: (id, roles, departmentId = null) => tokens.issue({ id, name: id, roles, departmentId }),
  };
}

/** supertest: collect a binary body (xlsx) into a Buffer. */
export function binary(res: Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** Reads an xlsx body back with exceljs. */
export async function readWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}
