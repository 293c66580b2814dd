import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import './hotline-metrics';
import './http-duration';
import { metricsRegistry, startProcessMetrics } from './registry';
import { TEMPORAL_SDK_METRICS } from './temporal-sdk-metrics';

/** deploy/monitoring: the alert rules, the dashboard and the scrape example name what exists. */

const MONITORING = join(__dirname, '..', '..', '..', '..', 'deploy', 'monitoring');
const read = (file: string) => readFileSync(join(MONITORING, file), 'utf8');

/** Series Prometheus makes itself for every target. */
const PROMETHEUS_OWN = ['up', 'scrape_duration_seconds', 'scrape_samples_scraped'];

/** The series names a metric family shows under (a histogram: its buckets, sum and count). */
function seriesOf(name: string, type: string): string[] {
  if (type === 'histogram') return [`${name}_bucket`, `${name}_sum`, `${name}_count`];
  if (type === 'summary') return [name, `${name}_sum`, `${name}_count`];
  return [name];
}

function knownSeries(): Set<string> {
  startProcessMetrics('monitoring-spec');
  const ours = metricsRegistry.getMetricsAsArray().map((m) => ({ name: m.name, type: m.type }));
  return new Set(
    [...ours, ...TEMPORAL_SDK_METRICS]
      .flatMap(({ name, type }) => seriesOf(name, String(type)))
      .concat(PROMETHEUS_OWN),
  );
}

const PROMQL_WORDS = new Set([
  'and',
  'or',
  'unless',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'offset',
  'inf',
  'nan',
]);

/** The metric names a PromQL expression selects (not functions, labels, keywords or numbers). */
function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/(?<![\w:])\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi, ' ');
  const names = new Set<string>();
  for (const match of bare.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const rest = bare.slice(match.index! + match[0].length);
    if (/^\s*\(/.test(rest) || PROMQL_WORDS.has(match[0].toLowerCase())) continue;
    names.add(match[0]);
  }
  return [...names];
}

interface Rule {
  alert: string;
  expr: string;
  for: string;
  labels: { severity: string };
  annotations: { summary: string; description?: string };
}

const rules = (parse(read('alert-rules.yml')) as { groups: { name: string; rules: Rule[] }[] })
  .groups;

interface Panel {
  type: string;
  title: string;
  id: number;
  targets?: { expr: string; refId: string }[];
}
const dashboard = JSON.parse(read('grafana-dashboard.json')) as {
  uid: string;
  panels: Panel[];
  templating: { list: { type: string; query: string }[] };
};
const graphs = dashboard.panels.filter((panel) => panel.type !== 'row');

describe('metricNamesIn', () => {
  it('finds the selected metrics, and nothing else', () => {
    expect(
      metricNamesIn(
        'histogram_quantile(0.95, sum by (le, route) (rate(http_request_duration_seconds_bucket{status=~"5.."}[$__rate_interval]))) / clamp_min(sum(rate(up[5m])), 1e-9) > 0.2 and on (job) absent(temporal_num_pollers > 0)',
      ).sort(),
    ).toEqual(['http_request_duration_seconds_bucket', 'temporal_num_pollers', 'up']);
  });
});

describe('alert rules (deploy/monitoring/alert-rules.yml)', () => {
  const all = rules.flatMap((group) => group.rules);

  it('are groups of rules, each with alert, expr, for, severity and a Chinese and English summary', () => {
    expect(rules.length).toBeGreaterThan(0);
    for (const group of rules) expect(group.name).toMatch(/^court-12368-/);
    for (const rule of all) {
      expect(rule.alert).toMatch(/^Court[A-Z][A-Za-z]+$/);
      expect(typeof rule.expr).toBe('string');
      expect(rule.for).toMatch(/^\d+[smh]$/);
      expect(['warning', 'critical']).toContain(rule.labels.severity);
      expect(rule.annotations.summary).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.annotations.summary).toMatch(/[A-Za-z]{3,}/);
    }
    expect(new Set(all.map((rule) => rule.alert)).size).toBe(all.length);
  });

  it('cover red lights, SMS failures, no worker polling and the task queue backlog', () => {
    const names = (metric: string) =>
      all.filter((rule) => metricNamesIn(rule.expr).some((n) => n.startsWith(metric)));
    expect(names('court_red_lights_total')).not.toHaveLength(0);
    expect(
      all.filter((r) => r.expr.includes('channel="sms"') && r.expr.includes('failed')),
    ).not.toHaveLength(0);
    expect(names('temporal_num_pollers')).not.toHaveLength(0);
    expect(names('temporal_workflow_task_schedule_to_start_latency')).not.toHaveLength(0);
  });

  it('name only metrics that exist', () => {
    const known = knownSeries();
    const unknown = all.flatMap((rule) =>
      metricNamesIn(rule.expr)
        .filter((name) => !known.has(name))
        .map((name) => `${rule.alert}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });
});

describe('Grafana dashboard (deploy/monitoring/grafana-dashboard.json)', () => {
  it('has panels with queries, distinct ids and a Prometheus data source variable', () => {
    expect(dashboard.uid).toBe('court-12368');
    expect(dashboard.templating.list).toContainEqual(
      expect.objectContaining({ type: 'datasource', query: 'prometheus' }),
    );
    expect(graphs.length).toBeGreaterThanOrEqual(10);
    expect(new Set(dashboard.panels.map((p) => p.id)).size).toBe(dashboard.panels.length);
    for (const panel of graphs) expect(panel.targets?.length).toBeGreaterThan(0);
  });

  it('shows the figures the issue asks for', () => {
    const queried = new Set(
      graphs.flatMap((p) => (p.targets ?? []).flatMap((t) => metricNamesIn(t.expr))),
    );
    for (const name of [
      'court_tickets_logged_total',
      'court_red_lights_total',
      'court_notices_total',
      'http_request_duration_seconds_bucket',
      'court_open_tickets',
      'court_sse_connections',
      'temporal_worker_task_slots_available',
      'temporal_num_pollers',
      'temporal_workflow_task_schedule_to_start_latency_bucket',
    ]) {
      expect(queried).toContain(name);
    }
  });

  it('queries only metrics that exist', () => {
    const known = knownSeries();
    const unknown = graphs.flatMap((panel) =>
      (panel.targets ?? []).flatMap((target) =>
        metricNamesIn(target.expr)
          .filter((name) => !known.has(name))
          .map((name) => `${panel.title} ${target.refId}: ${name}`),
      ),
    );
    expect(unknown).toEqual([]);
  });
});

describe('scrape config example (deploy/monitoring/scrape-config.example.yml)', () => {
  it('scrapes the four services, the worker’s SDK port, and loads the rules', () => {
    const config = parse(read('scrape-config.example.yml')) as {
      rule_files: string[];
      scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
    };
    expect(config.rule_files).toContain('alert-rules.yml');
    const targets = config.scrape_configs.flatMap((job) =>
      job.static_configs.flatMap((c) => c.targets),
    );
    expect(targets.map((t) => Number(t.split(':').pop())).sort()).toEqual([
      3000, 3001, 3002, 3003, 9464,
    ]);
    for (const job of config.scrape_configs) expect(job.job_name).toMatch(/^court-/);
  });
});
