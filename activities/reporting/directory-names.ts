import { DEMO_DIRECTORY, TICKET_TYPE_LABELS, type TicketType } from '@court/domain';
import type { Connection } from 'mongoose';

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

/**
 * Names for reports, from the court directory the intake keeps (`directory_departments`,
 * `directory_people`; a few hundred documents), refreshed at most once a minute; the demo
 * directory fills in while those collections are empty.
 */
export class DirectoryNamesSource {
  private snapshot: Snapshot | null = null;
  private loadedAt = 0;

  constructor(private readonly connection: Connection) {}

  async names(): Promise<DirectoryNames> {
    if (!this.snapshot || Date.now() - this.loadedAt > REFRESH_MS) {
      this.snapshot = await this.load();
      this.loadedAt = Date.now();
    }
    return namesOf(this.snapshot);
  }

  private async load(): Promise<Snapshot> {
    const db = this.connection.db!;
    const [departments, people] = await Promise.all([
      db
        .collection<{ _id: string; name: string; headId?: string }>('directory_departments')
        .find({}, { projection: { name: 1, headId: 1 } })
        .toArray(),
      db
        .collection<{ _id: string; name: string }>('directory_people')
        .find({}, { projection: { name: 1 } })
        .toArray(),
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
