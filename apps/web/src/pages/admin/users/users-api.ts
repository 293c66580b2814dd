import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../lib/labels';
import { apiJson } from '../shared/api-json';
import { isMissingEndpoint } from '../shared/missing-endpoint';

/** An account as `GET /api/users` lists it (API.md, Accounts). */
export interface Account {
  id: string;
  name: string;
  roles: Role[];
  departmentId: string | null;
  phone: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
}

export interface NewAccount {
  id: string;
  name: string;
  roles: Role[];
  departmentId?: string;
  phone?: string;
  password: string;
}

const KEY = ['admin-users'];

export function useAccounts() {
  return useQuery({
    queryKey: KEY,
    queryFn: () => apiJson<{ items: Account[] }>('/api/users'),
    // A missing endpoint will not appear by retrying.
    retry: (count, error) => !isMissingEndpoint(error, true) && count < 2,
  });
}

function useAccountMutation<T>(call: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export const useCreateAccount = () =>
  useAccountMutation((body: NewAccount) => apiJson('/api/users', { method: 'POST', body }));

export const useSetDisabled = () =>
  useAccountMutation(({ id, disabled }: { id: string; disabled: boolean }) =>
    apiJson(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: { disabled } }),
  );

export const useResetPassword = () =>
  useAccountMutation(({ id, password }: { id: string; password: string }) =>
    apiJson(`/api/users/${encodeURIComponent(id)}/password`, {
      method: 'POST',
      body: { password },
    }),
  );
