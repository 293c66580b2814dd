import { hashPassword } from '@court/auth';
import { isDuplicateKey } from '@court/database';
import { DEMO_DIRECTORY, type DirectoryData, normalizeCaseNumber } from '@court/domain';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { AnyBulkWriteOperation, Model } from 'mongoose';
import { DirectoryService } from '../directory/directory.service';
import { INTAKE_MODELS, type IntakeModels } from '../intake-models';
import { INTAKE_SETTINGS, type IntakeSettings } from '../intake-settings';

/**
 * The demo data of API.md, seeded on start unless `DEMO_SEED=false`: the directory
 * (settings, departments, people with phones, cases) and one account per demo person, all with
 * `DEMO_PASSWORD`. Idempotent and safe when two processes seed at once: every write is an
 * upsert by `_id`; accounts are only inserted when absent (`$setOnInsert`), so a password an
 * admin changed is never reset, and a duplicate-key race on an upsert is retried.
 */
@Injectable()
export class SeedService implements OnModuleInit {
  private readonly logger = new Logger('Seed');

  constructor(
    @Inject(INTAKE_MODELS) private readonly models: IntakeModels,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
    private readonly directory: DirectoryService,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.settings.demoSeed) {
      this.logger.log('DEMO_SEED=false：不写入演示数据');
      return;
    }
    await this.seed(DEMO_DIRECTORY, this.settings.demoPassword);
  }

  async seed(data: DirectoryData, password: string): Promise<void> {
    const { models } = this;
    await upsertAll(models.directory.settings, [
      { _id: 'court', $set: { court: data.court, special: data.special } },
    ]);
    await upsertAll(
      models.directory.departments,
      data.departments.map(({ id, ...fields }) => ({ _id: id, $set: fields })),
    );
    await upsertAll(
      models.people,
      data.people.map((p) => ({
        _id: p.id,
        $set: {
          name: p.name,
          role: p.role,
          title: p.title,
          departmentId: p.departmentId,
          phone: p.phone,
        },
      })),
    );
    await upsertAll(
      models.directory.cases,
      data.cases.map((c) => ({
        _id: normalizeCaseNumber(c.number) ?? c.number,
        $set: { presidingJudgeId: c.presidingJudgeId, cause: c.cause ?? null },
      })),
    );

    const existing = new Set(
      (await models.users.find({}, { _id: 1 }).lean()).map((u) => String(u._id)),
    );
    const missing = data.people.filter((p) => !existing.has(p.id));
    if (missing.length > 0) {
      // The demo accounts share one published password (API.md): one derivation serves them
      // all, instead of one memory-hard hash each at every fresh start.
      const passwordHash = await hashPassword(password);
      await upsertAll(
        models.users,
        missing.map((p) => ({
          _id: p.id,
          $setOnInsert: {
            name: p.name,
            roles: [p.role],
            departmentId: p.departmentId,
            passwordHash,
            disabled: false,
            // the demo accounts share the demo password and need not change it (API.md)
            mustChangePassword: false,
            tokenVersion: 0,
            createdAt: new Date(),
          },
        })),
      );
    }
    this.directory.invalidate();
    this.logger.log(
      `演示数据已就绪：${data.people.length} 人、${data.departments.length} 个部门、${data.cases.length} 件案件（新建账号 ${missing.length} 个）`,
    );
  }
}

type Upsert = { _id: string; $set?: object; $setOnInsert?: object };

/** Upserts by `_id`; two processes upserting the same new `_id` may collide once: retry. */
// biome-ignore lint/suspicious/noExplicitAny: one helper for every collection
async function upsertAll(model: Model<any>, rows: Upsert[]): Promise<void> {
  if (rows.length === 0) return;
  const ops = rows.map(({ _id, ...update }) => ({
    updateOne: { filter: { _id }, update, upsert: true },
  })) as AnyBulkWriteOperation[];
  for (let attempt = 1; ; attempt++) {
    try {
      await model.bulkWrite(ops, { ordered: false });
      return;
    } catch (error) {
      if (!isDuplicateKey(error) || attempt >= 5) throw error;
    }
  }
}
