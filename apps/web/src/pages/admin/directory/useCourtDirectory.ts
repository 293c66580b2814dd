import type { CaseRecord, Department, Directory, Person } from '../../../api/types';

export { useDirectory as useCourtDirectory } from '../../../api/useDirectory';

export type DirectoryDepartment = Department;
export type DirectoryPerson = Person;
export type DirectoryCase = CaseRecord;
export type CourtDirectory = Directory;
