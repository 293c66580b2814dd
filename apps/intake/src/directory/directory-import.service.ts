import {
  type CaseRecord,
  type DirectoryImportKind,
  decodeImportText,
  type FieldError,
  type ImportPlan,
  type Person,
  planCaseImport,
  planPeopleImport,
} from '@court/domain';
import { BadRequestException, Inject, Injectable, Logger } from '@nestjs/common';
import { INTAKE_STORE, type IntakeStore } from '../intake-store';
import { DirectoryService } from './directory.service';

export interface DirectoryImportOutcome {
  kind: DirectoryImportKind;
  created: number;
  updated: number;
  unchanged: number;
  /** The encoding the file was read in. */
  encoding: 'utf-8' | 'gb18030';
}

/**
 * `POST /api/directory/import`: a CSV file of cases or people, all-or-nothing. The rows are
 * checked first (domain `planCaseImport` / `planPeopleImport`: each row's own rules, then the
 * whole directory with the rows applied, the check the single-record edits run); only when
 * nothing is wrong are the records written, in one bulk write, and the cache dropped.
 */
@Injectable()
export class DirectoryImportService {
  private readonly logger = new Logger('DirectoryImport');

  constructor(
    private readonly directory: DirectoryService,
    @Inject(INTAKE_STORE) private readonly store: IntakeStore,
  ) {}

  async import(
    kind: DirectoryImportKind,
    bytes: Uint8Array,
    actor: string,
  ): Promise<DirectoryImportOutcome> {
    const { text, encoding } = decodeImportText(bytes);
    const current = await this.directory.snapshot();
    let counts: { created: number; updated: number; unchanged: number };
    if (kind === 'cases') {
      const plan = check(planCaseImport(text, current));
      await this.writeCases(plan);
      counts = plan;
    } else {
      const plan = check(planPeopleImport(text, current));
      await this.writePeople(plan);
      counts = plan;
    }
    this.directory.invalidate();
    const outcome = {
      kind,
      created: counts.created,
      updated: counts.updated,
      unchanged: counts.unchanged,
      encoding,
    };
    this.logger.log(
      `directory.import by ${actor}: ${kind} (${encoding}) created ${outcome.created}, updated ${outcome.updated}, unchanged ${outcome.unchanged}`,
    );
    return outcome;
  }

  private async writeCases(plan: ImportPlan<CaseRecord>): Promise<void> {
    if (plan.records.length === 0) return;
    await this.store.directory.importCases(
      plan.records.map((c) => ({
        _id: c.number,
        presidingJudgeId: c.presidingJudgeId,
        cause: c.cause ?? null,
      })),
    );
  }

  private async writePeople(plan: ImportPlan<Person>): Promise<void> {
    if (plan.records.length === 0) return;
    await this.store.directory.importPeople(
      plan.records.map((p) => ({
        _id: p.id,
        name: p.name,
        role: p.role,
        title: p.title,
        departmentId: p.departmentId,
        phone: p.phone,
      })),
    );
    for (const person of plan.records) await this.directory.syncAccount(person);
  }
}

function check<T>(
  result: { ok: true; value: T } | { ok: false; errors: readonly FieldError[] },
): T {
  if (!result.ok) {
    throw new BadRequestException({
      statusCode: 400,
      message: `导入文件有误，未做任何修改（${result.errors.length}处问题）`,
      errors: result.errors,
    });
  }
  return result.value;
}
