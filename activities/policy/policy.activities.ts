import type { Policy } from '@court/domain';

/** The worker's policy (POLICY_* at its start), read once per ticket and kept in its history. */
export function createPolicyActivities(policy: Policy) {
  return {
    async currentPolicy(): Promise<Policy> {
      return policy;
    },
  };
}

export type PolicyActivities = ReturnType<typeof createPolicyActivities>;
