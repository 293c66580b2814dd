import { useQuery } from '@tanstack/react-query';
import { intake, unwrap } from '../../../api/client';

export interface DirectoryDepartment {
  id: string;
  name: string;
  headId: string | null;
  viceChiefId: string | null;
  chiefId: string | null;
  vicePresidentId: string | null;
}

export interface DirectoryPerson {
  id: string;
  name: string;
  role: string;
  title: string | null;
  departmentId: string | null;
  departmentName: string | null;
  /** Masked. */
  phone: string | null;
}

export interface DirectoryCase {
  number: string;
  presidingJudgeId: string;
  cause: string | null;
}

/** `GET /api/directory` as it answers (departments, people with masked phones, cases). */
export interface CourtDirectory {
  departments: DirectoryDepartment[];
  people: DirectoryPerson[];
  cases: DirectoryCase[];
}

/** The court directory; it rarely changes, so it is kept for a while (shared key `directory`). */
export function useCourtDirectory() {
  return useQuery({
    queryKey: ['directory'],
    queryFn: () =>
      unwrap(intake.GET('/api/directory')) as Promise<unknown> as Promise<CourtDirectory>,
    staleTime: 10 * 60_000,
  });
}
