import { AccountStateCache } from '@court/auth';
import {
  createDirectory,
  type Department,
  type Directory,
  type DirectoryData,
  type FieldError,
  maskPhone,
  type Person,
  validateDirectoryData,
} from '@court/domain';
import {
  BadRequestException,
  Inject,
  Injectable,
  ServiceUnavailableException,
} from '@nestjs/common';
import { INTAKE_STORE, type IntakeStore } from '../intake-store';

/** How long a loaded directory is used before it is read again (other processes may edit it). */
const CACHE_MS = 5_000;

/**
 * The court directory (departments, people, cases) kept in the database and served to the
 * rule table as the domain's synchronous `Directory`: a court has hundreds of people, so the
 * whole snapshot is loaded and cached briefly; this process's own edits drop the cache at once.
 */
@Injectable()
export class DirectoryService {
  private cached: { at: number; directory: Directory } | null = null;
  private loading: Promise<Directory> | null = null;

  constructor(
    @Inject(INTAKE_STORE) private readonly store: IntakeStore,
    private readonly accountStates: AccountStateCache,
  ) {}

  /**
   * After a person is written: the account of the same id (if any) keeps the person's name,
   * department and phone; a new department ends its sessions (the department is in the token).
   */
  async syncAccount(person: Pick<Person, 'id' | 'name' | 'departmentId' | 'phone'>): Promise<void> {
    const account = await this.store.accounts.get(person.id);
    if (!account) return;
    const moved = (account.departmentId ?? null) !== person.departmentId;
    if (!moved && account.name === person.name && (account.phone ?? '') === person.phone) {
      return;
    }
    await this.store.accounts.update(person.id, {
      name: person.name,
      departmentId: person.departmentId,
      phone: person.phone,
      ...(moved ? { tokenVersion: (account.tokenVersion ?? 0) + 1 } : {}),
    });
    this.accountStates.forget(person.id);
  }

  async current(): Promise<Directory> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.directory;
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  invalidate(): void {
    this.cached = null;
  }

  /** The raw snapshot as stored. */
  async snapshot(): Promise<DirectoryData> {
    const data = await this.store.directory.snapshot();
    if (!data) {
      throw new ServiceUnavailableException('通讯录尚未设置（法院及第四条所列部门），请联系管理员');
    }
    return data;
  }

  private async load(): Promise<Directory> {
    const data = await this.snapshot();
    // A stored directory with a dangling reference must not stop the hotline: the lookups
    // simply miss, and the rule table reports what it cannot find.
    const errors = validateDirectoryData(data);
    let directory: Directory;
    try {
      directory = createDirectory(errors.length === 0 ? data : repair(data, errors));
    } catch (error) {
      throw new ServiceUnavailableException(
        `通讯录数据有误，请管理员修正：${error instanceof Error ? error.message : error}`,
      );
    }
    this.cached = { at: Date.now(), directory };
    return directory;
  }

  /** `GET /api/directory`: phones masked. */
  async publicView() {
    const directory = await this.current();
    const departmentName = (id: string | null) =>
      id ? (directory.department(id)?.name ?? null) : null;
    return {
      court: directory.court(),
      special: directory.special(),
      departments: directory.departments().map((d: Department) => ({ ...d })),
      people: directory.people().map((p: Person) => ({
        id: p.id,
        name: p.name,
        role: p.role,
        title: p.title,
        department: p.departmentId,
        departmentId: p.departmentId,
        departmentName: departmentName(p.departmentId),
        phone: maskPhone(p.phone),
      })),
      cases: directory.cases().map((c) => {
        const judge = directory.person(c.presidingJudgeId);
        return {
          number: c.number,
          presidingJudgeId: c.presidingJudgeId,
          presidingJudgeName: judge?.name ?? null,
          departmentId: judge?.departmentId ?? null,
          cause: c.cause ?? null,
        };
      }),
    };
  }

  /** Checks a changed snapshot before anything is written: 400 naming each problem. */
  assertValid(data: DirectoryData, pathOf: (error: FieldError) => string = (e) => e.field): void {
    const errors = validateDirectoryData(data);
    if (errors.length > 0) {
      throw new BadRequestException({
        statusCode: 400,
        message: '通讯录数据有误',
        errors: errors.map((e) => ({ field: pathOf(e), message: e.message })),
      });
    }
  }
}

/** Drops what a stored snapshot refers to but lacks, so that the rest stays usable. */
function repair(data: DirectoryData, _errors: FieldError[]): DirectoryData {
  const people = new Map(data.people.map((p) => [p.id, p]));
  const departments = new Map(data.departments.map((d) => [d.id, d]));
  const person = (id: string | null) => (id !== null && people.has(id) ? id : null);
  return {
    court: data.court,
    special: data.special,
    departments: [...departments.values()]
      .filter((d) => people.has(d.headId))
      .map((d) => ({
        ...d,
        viceChiefId: person(d.viceChiefId),
        chiefId: person(d.chiefId),
        vicePresidentId: person(d.vicePresidentId),
      })),
    people: [...people.values()].map((p) => ({
      ...p,
      departmentId: p.departmentId && departments.has(p.departmentId) ? p.departmentId : null,
    })),
    cases: data.cases.filter((c) => people.has(c.presidingJudgeId)),
  };
}
