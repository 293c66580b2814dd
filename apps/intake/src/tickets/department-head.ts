import type { Directory, DispositionTarget } from '@court/domain';

/** The head of a department as a notice target, when the department and its head are known. */
export function departmentHead(
  directory: Directory,
  departmentId: string | null,
): DispositionTarget | null {
  const department = departmentId ? directory.department(departmentId) : undefined;
  const head = department ? directory.person(department.headId) : undefined;
  return head ? { id: head.id, name: head.name, role: head.role } : null;
}
