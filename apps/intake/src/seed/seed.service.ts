import { hashPassword } from '@court/auth';
import { DEMO_DIRECTORY, type DirectoryData, normalizeCaseNumber } from '@court/domain';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DirectoryService } from '../directory/directory.service';
import { INTAKE_SETTINGS, type IntakeSettings } from '../intake-settings';
import { INTAKE_STORE, type IntakeStore } from '../intake-store';

/**
 * The demo data of API.md, seeded on start unless `DEMO_SEED=false`: the directory
 * (settings, departments, people with phones, cases) and one account per demo person, all with
 * `DEMO_PASSWORD`. Idempotent and safe when two processes seed at once (DemoSeedRepository):
 * every write is an upsert by `_id`, and accounts are only inserted when absent, so a password
 * an admin changed is never reset.
 */
@Injectable()
export class SeedService implements OnModuleInit {
  private readonly logger = new Logger('Seed');

  constructor(
    @Inject(INTAKE_STORE) private readonly store: IntakeStore,
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
    const seed = this.store.demoSeed;
    await seed.saveSettings([{ _id: 'court', court: data.court, special: { ...data.special } }]);
    await seed.saveDepartments(
      data.departments.map(({ id, ...fields }) => ({ _id: id, ...fields })),
    );
    await seed.savePeople(
      data.people.map((p) => ({
        _id: p.id,
        name: p.name,
        role: p.role,
        title: p.title,
        departmentId: p.departmentId,
        phone: p.phone,
      })),
    );
    await seed.saveCases(
      data.cases.map((c) => ({
        _id: normalizeCaseNumber(c.number) ?? c.number,
        presidingJudgeId: c.presidingJudgeId,
        cause: c.cause ?? null,
      })),
    );

    const existing = new Set(await seed.accountIds());
    const missing = data.people.filter((p) => !existing.has(p.id));
    if (missing.length > 0) {
      // The demo accounts share one published password (API.md): one derivation serves them
      // all, instead of one memory-hard hash each at every fresh start.
      const passwordHash = await hashPassword(password);
      await seed.addAccounts(
        missing.map((p) => ({
          _id: p.id,
          name: p.name,
          roles: [p.role],
          departmentId: p.departmentId,
          passwordHash,
          disabled: false,
          // the demo accounts share the demo password and need not change it (API.md)
          mustChangePassword: false,
          tokenVersion: 0,
          createdAt: new Date(),
        })),
      );
    }
    this.directory.invalidate();
    this.logger.log(
      `演示数据已就绪：${data.people.length} 人、${data.departments.length} 个部门、${data.cases.length} 件案件（新建账号 ${missing.length} 个）`,
    );
  }
}
