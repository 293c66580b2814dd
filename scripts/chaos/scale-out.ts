import type { Connection } from 'mongoose';
import { burst, type CallOutcome, login } from './burst';
import { judge, type Verdict, waitFor } from './checks';

export interface ScaleOutResult {
  verdict: Verdict;
  /** The metrics' `total` and `byType.contact_judge.total` for the day, from the reporting service. */
  metricsTotal: number | null;
  ms: number;
}

/**
 * Two of each writer (workers, notification and intake processes) on one Temporal and one
 * database: `count` transfers spread over both intakes, then every one must be dispatched once,
 * notified once per recipient, and counted once by the metrics.
 */
export async function scaleOut(
  intakeUrls: string[],
  reportingUrl: string,
  db: Connection,
  count: number,
  recipients: string[],
): Promise<ScaleOutResult> {
  const started = Date.now();
  const password = process.env.DEMO_PASSWORD ?? 'demo12368';
  const tokens = await Promise.all(intakeUrls.map((url) => login(url, 'agent01', password)));
  const share = Math.ceil(count / intakeUrls.length);
  const outcomes: CallOutcome[] = (
    await Promise.all(
      intakeUrls.map((url, i) =>
        burst(url, tokens[i]!, Math.min(share, count - share * i), 4, async () => undefined),
      ),
    )
  ).flat();
  const verdict = await judge(db, outcomes, recipients, 180_000);
  const supervisor = await login(intakeUrls[0]!, 'supervisor01', password);
  const counted = async () => {
    const metrics = (await fetch(`${reportingUrl}/api/reports/metrics`, {
      headers: { Authorization: `Bearer ${supervisor}` },
    }).then((r) => r.json())) as { byType?: Record<string, { total?: number }> };
    return metrics.byType?.contact_judge?.total ?? null;
  };
  let metricsTotal = await counted();
  // The read model is written with the ledger; allow the last writes a moment to land.
  await waitFor(async () => {
    metricsTotal = await counted();
    return metricsTotal === verdict.accepted;
  }, 30_000);
  return { verdict, metricsTotal, ms: Date.now() - started };
}
