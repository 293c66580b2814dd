/** What these pages need of `GET /api/directory`: names for person ids, and who heads what. */

export interface DirectoryPerson {
  id: string;
  name: string;
  title?: string | null;
  role?: string;
  departmentId?: string | null;
  departmentName?: string | null;
}

export interface DirectoryDepartment {
  id: string;
  name: string;
  headId: string;
}

export interface DirectoryLookup {
  departments: DirectoryDepartment[];
  people: DirectoryPerson[];
}

/** `system` is the platform's own actor in the timeline. */
export function personName(directory: DirectoryLookup | undefined, id: string | null): string {
  if (!id) return '';
  if (id === 'system') return '系统';
  return directory?.people.find((p) => p.id === id)?.name ?? id;
}

export function departmentName(directory: DirectoryLookup | undefined, id: string | null): string {
  if (!id) return '';
  return directory?.departments.find((d) => d.id === id)?.name ?? id;
}

export function departmentsHeadedBy(
  directory: DirectoryLookup | undefined,
  personId: string,
): string[] {
  return (directory?.departments ?? []).filter((d) => d.headId === personId).map((d) => d.id);
}
