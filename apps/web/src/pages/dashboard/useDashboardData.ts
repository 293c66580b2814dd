import { useQueries, useQuery } from '@tanstack/react-query';
import { intake, reporting, unwrap } from '../../api/client';
import type { operations } from '../../api/generated/intake';
import type { Metrics, TicketPage } from '../../api/types';
import type { CountDefinition } from './counts';
import { UNACCEPTED_LIST_LIMIT, type UnacceptedList } from './unaccepted';
import { type WeekRange, weeklyRanges } from './weeks';

type TicketQuery = NonNullable<operations['TicketsController_search']['parameters']['query']>;

/** The newest transfers looked at for 黄灯 (the API's page maximum; more → shown as `≥`). */
export const YELLOW_SAMPLE = 100;
/** Red tickets listed on the dashboard. */
export const RED_LIST_LIMIT = 20;
/** Weeks in the on-time feedback trend. */
export const TREND_WEEKS = 8;

function searchTickets(query: TicketQuery) {
  return unwrap(intake.GET('/api/tickets', { params: { query } })) as Promise<TicketPage>;
}

/** The total of a count's search: one item fetched, the `total` read (cheap at any size). */
export function useTicketTotal(def: CountDefinition, enabled: boolean) {
  return useQuery({
    queryKey: ['dashboard', 'count', def.key],
    enabled,
    queryFn: () => searchTickets({ ...(def.query as TicketQuery), limit: 1 }),
    select: (page) => page.total,
  });
}

export function useRedTickets() {
  return useQuery({
    queryKey: ['dashboard', 'red'],
    queryFn: () => searchTickets({ redLight: 'true', limit: RED_LIST_LIMIT }),
  });
}

export function useOpenTransfers() {
  return useQuery({
    queryKey: ['dashboard', 'yellow'],
    queryFn: () => searchTickets({ status: 'dispatched', limit: YELLOW_SAMPLE }),
  });
}

/** 未签收: the transfers not accepted in time (supervisors and leaders; the dashboard is theirs). */
export function useUnaccepted() {
  return useQuery({
    queryKey: ['dashboard', 'unaccepted'],
    // A transfer turns unaccepted as time passes, with no notice to refresh on.
    refetchInterval: 60_000,
    queryFn: () =>
      unwrap(
        reporting.GET('/api/reports/unaccepted', {
          params: { query: { limit: UNACCEPTED_LIST_LIMIT } },
        }),
      ) as Promise<UnacceptedList>,
  });
}

export function useMetrics(from: string) {
  return useQuery({
    queryKey: ['dashboard', 'metrics', from],
    queryFn: () =>
      unwrap(
        reporting.GET('/api/reports/metrics', { params: { query: { from } } }),
      ) as Promise<Metrics>,
  });
}

/**
 * The on-time feedback rate per week. Kept out of the `dashboard` key on purpose: every notice
 * invalidates that key, and eight metrics calls per notice for figures that move slowly is
 * waste; they refresh after ten minutes instead.
 */
export function useFeedbackTrend(now: number) {
  const weeks: WeekRange[] = weeklyRanges(now, TREND_WEEKS);
  const results = useQueries({
    queries: weeks.map((week) => ({
      queryKey: ['dashboard-trend', week.from, week.to],
      staleTime: 10 * 60_000,
      queryFn: () =>
        unwrap(
          reporting.GET('/api/reports/metrics', {
            params: { query: { from: week.from, to: week.to } },
          }),
        ) as Promise<Metrics>,
    })),
  });
  return {
    isPending: results.some((r) => r.isPending),
    error: results.find((r) => r.error)?.error ?? null,
    points: weeks.map((week, i) => ({
      label: week.label,
      rate: results[i]?.data?.feedbackOnTimeRate ?? null,
    })),
  };
}
