import type { DirectoryRepository } from '@court/database';
import { DEMO_DIRECTORY, TICKET_TYPE_LABELS, type TicketType } from '@court/domain';

export interface DirectoryNames {
  type(id: string): string;
  department(id: string): string;
  person(id: string): string;
  /** 部门负责人 of a department, when known. */
  departmentHead(id: string): string | null;
}

interface Snapshot {
  departments: Map<string, { name: string; headId: string | null }>;
  people: Map<string, string>;
}

const REFRESH_MS = 60_000;

/** Who heads which department decides what a handler may read: read again after this long. */
const HEADS_REFRESH_MS = 5_000;

/**
 * Names for reports, from the court directory the intake keeps (`directory_departments`,
 * `directory_people`; a few hundred documents), refreshed at most once a minute; the demo
 * directory fills in while those collections are empty.
 */
export class DirectoryNamesSource {
  private snapshot: Snapshot | null = null;
  private loadedAt = 0;
  private heads: { at: number; loading: Promise<Map<string, string | null>> } | null = null;

  constructor(private readonly directory: DirectoryRepository) {}

  async names(): Promise<DirectoryNames> {
    if (!this.snapshot || Date.now() - this.loadedAt > REFRESH_MS) {
      this.snapshot = await this.load();
      this.loadedAt = Date.now();
    }
    return namesOf(this.snapshot);
  }

  /**
   * The departments a person heads (部门负责人, `headId`), as the intake reads them: from the
   * stored directory, cached a few seconds; the demo directory's while none is stored.
   */
  async departmentsHeadedBy(personId: string): Promise<string[]> {
    if (!this.heads || Date.now() - this.heads.at > HEADS_REFRESH_MS) {
      const loading = this.loadHeads();
      this.heads = { at: Date.now(), loading };
      loading.catch(() => {
        if (this.heads?.loading === loading) this.heads = null;
      });
    }
    const heads = await this.heads.loading;
    return [...heads.entries()].filter(([, head]) => head === personId).map(([id]) => id);
  }

  private async loadHeads(): Promise<Map<string, string | null>> {
    const stored = await this.directory.departmentHeads();
    if (stored.length === 0)
      return new Map(DEMO_DIRECTORY.departments.map((d) => [d.id, d.headId]));
    return new Map(stored.map((d) => [String(d._id), d.headId ?? null]));
  }

  private async load(): Promise<Snapshot> {
    const [departments, people] = await Promise.all([
      this.directory.departmentNames(),
      this.directory.personNames(),
    ]);
    const snapshot: Snapshot = {
      departments: new Map(
        DEMO_DIRECTORY.departments.map((d) => [d.id, { name: d.name, headId: d.headId }]),
      ),
      people: new Map(DEMO_DIRECTORY.people.map((p) => [p.id, p.name])),
    };
    if (departments.length > 0) snapshot.departments.clear();
    for (const d of departments) {
      snapshot.departments.set(String(d._id), { name: d.name, headId: d.headId ?? null });
    }
    for (const p of people) if (p.name) snapshot.people.set(String(p._id), p.name);
    return snapshot;
  }
}

export function namesOf(snapshot: Snapshot): DirectoryNames {
  return {
    type: (id) => TICKET_TYPE_LABELS[id as TicketType] ?? id,
    department: (id) => snapshot.departments.get(id)?.name ?? id,
    person: (id) => snapshot.people.get(id) ?? id,
    departmentHead: (id) => snapshot.departments.get(id)?.headId ?? null,
  };
}

/** The demo directory's names (tests, and before the directory is stored). */
export function demoNames(): DirectoryNames {
  return namesOf({
    departments: new Map(
      DEMO_DIRECTORY.departments.map((d) => [d.id, { name: d.name, headId: d.headId }]),
    ),
    people: new Map(DEMO_DIRECTORY.people.map((p) => [p.id, p.name])),
  });
}
