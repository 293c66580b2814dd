import { useEffect, useRef, useState } from 'react';
import { type ProposalRequest, proposalDelay } from './proposal-request';

/** The request once the agent pauses typing (a choice settles at once). */
export function useSettledRequest(request: ProposalRequest | null): ProposalRequest | null {
  const [settled, setSettled] = useState(request);
  const latest = useRef(request);
  latest.current = request;
  const key = request?.key ?? null;
  const settledKey = settled?.key ?? null;

  useEffect(() => {
    if (key === settledKey) return;
    const delay = proposalDelay(settled?.body ?? null, latest.current?.body ?? null);
    const timer = setTimeout(() => setSettled(latest.current), delay);
    return () => clearTimeout(timer);
  }, [key, settledKey, settled]);

  return settled;
}
