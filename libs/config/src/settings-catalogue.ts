/**
 * Every environment setting of the system, declared once: its name, its default (as the docs
 * show it), what it means, which processes read it, and the table of docs/configuration.md it
 * belongs to. docs/configuration.md's two tables are rendered from this list
 * (render-settings-table.ts, `scripts/render-settings-table.ts`); a spec test keeps them equal
 * and checks that every env name the code reads is catalogued here, and every catalogued one read.
 * Longer than our ~300 lines because it is a table, one entry per setting, not logic.
 */

/** A process that reads settings: the four services, `npm start` and `npm run create-admin`. */
export type SettingReader =
  | 'intake'
  | 'notification'
  | 'reporting'
  | 'worker'
  | 'npm start'
  | 'create-admin';

/**
 * Where a row is documented: `policy`, the first table (API.md's settings and the policy);
 * `beyond`, the table of what each service reads beyond API.md.
 */
export type SettingSection = 'policy' | 'beyond';

/**
 * A name of a row: the env name itself, or the name with the abbreviation the table shows for it
 * (`_SECRET` after `ALIYUN_SMS_ACCESS_KEY_ID` stands for `ALIYUN_SMS_ACCESS_KEY_SECRET`).
 */
export type SettingName = string | { readonly name: string; readonly shown: string };

/** One row of docs/configuration.md: settings that share a default cell and a meaning. */
export interface SettingRow {
  readonly section: SettingSection;
  readonly names: readonly SettingName[];
  /** The default as the docs show it (Markdown). */
  readonly default: string;
  /** What the setting does (Markdown, one sentence). */
  readonly meaning: string;
  readonly readBy: readonly SettingReader[];
}

const SERVICES = ['intake', 'notification', 'reporting', 'worker'] as const;
const HTTP_SERVICES = ['intake', 'notification', 'reporting'] as const;

export const SETTINGS_CATALOGUE: readonly SettingRow[] = [
  {
    section: 'policy',
    names: ['TEMPORAL_ADDRESS'],
    default: '`127.0.0.1:7233`',
    meaning: 'Temporal frontend (host:port)',
    readBy: [...SERVICES, 'npm start'],
  },
  {
    section: 'policy',
    names: ['TEMPORAL_NAMESPACE'],
    default: '`default`',
    meaning: 'Temporal namespace',
    readBy: [...SERVICES, 'npm start'],
  },
  {
    section: 'policy',
    names: ['TEMPORAL_UI_PORT'],
    default: '`8233`',
    meaning: 'Web UI port of the embedded dev server',
    readBy: [...SERVICES, 'npm start'],
  },
  {
    section: 'policy',
    names: ['MONGODB_URI'],
    default: '`mongodb://127.0.0.1:27017/court12368`',
    meaning: 'database',
    readBy: [...SERVICES, 'npm start'],
  },
  {
    section: 'policy',
    names: ['INTAKE_PORT', 'NOTIFICATION_PORT', 'REPORTING_PORT'],
    default: '`3000` / `3001` / `3002`',
    meaning: 'HTTP ports',
    readBy: [...SERVICES, 'npm start'],
  },
  {
    section: 'policy',
    names: ['DATA_DIR'],
    default: '`./data`',
    meaning: 'where the embedded servers keep their files',
    readBy: ['intake', 'npm start'],
  },
  {
    section: 'policy',
    names: ['POLICY_DISPATCH_WITHIN'],
    default: '`2h`',
    meaning: 'receipt → dispatch of a transfer (Art. 5)',
    readBy: ['intake', 'worker'],
  },
  {
    section: 'policy',
    names: ['POLICY_FEEDBACK_WITHIN'],
    default: '`3d`',
    meaning: 'dispatch → handler feedback (Art. 7)',
    readBy: ['intake', 'worker'],
  },
  {
    section: 'policy',
    names: ['POLICY_REMINDER_WITHIN'],
    default: '`1wd`',
    meaning: 'overdue → reminder sent (Art. 8)',
    readBy: ['intake', 'worker'],
  },
  {
    section: 'policy',
    names: ['POLICY_BULLETIN_AFTER'],
    default: '`1wd`',
    meaning: 'reminder → still no feedback → bulletined (Art. 8)',
    readBy: ['intake', 'worker'],
  },
  {
    section: 'policy',
    names: ['POLICY_ESCALATION_ACK_WITHIN'],
    default: '`30m`',
    meaning: 'escalation not acknowledged → next level (Art. 4.8)',
    readBy: ['intake', 'worker'],
  },
  {
    section: 'policy',
    names: ['POLICY_CALLBACK_WITHIN'],
    default: '`3d`',
    meaning: 'handled → callback due (Art. 10)',
    readBy: ['intake', 'worker'],
  },
  {
    section: 'policy',
    names: ['POLICY_AUTO_REMIND'],
    default: '`true`',
    meaning: 'the workflow sends the reminder itself, or leaves it to an agent',
    readBy: ['intake', 'worker'],
  },
  {
    section: 'policy',
    names: ['POLICY_WARN_AT'],
    default: '`0.67`',
    meaning: 'share of the feedback window at which the yellow warning (黄灯) goes out',
    readBy: ['intake', 'worker'],
  },
  {
    section: 'policy',
    names: ['POLICY_WORKING_HOURS'],
    default: '`08:30-12:00,14:30-17:30`',
    meaning: "the court's working hours (Asia/Shanghai)",
    readBy: ['intake', 'reporting', 'worker'],
  },
  {
    section: 'policy',
    names: ['NOTIFY_QUIET_HOURS'],
    default: '`22:00-07:00`',
    meaning: 'SMS held in these hours (escalations excepted); `off` disables',
    readBy: ['intake', 'worker'],
  },
  {
    section: 'policy',
    names: ['NOTIFY_CALLER_RECEIPT'],
    default: '`true`',
    meaning: 'a transfer sends the caller an SMS receipt; `false`/`0`/`no`/`off`: none',
    readBy: ['notification'],
  },
  {
    section: 'beyond',
    names: ['JWT_SECRET'],
    default: 'generated once under `data/` by `npm start`',
    meaning:
      'HS256 secret all three services verify tokens with (≥ 32 characters; required in production)',
    readBy: [...HTTP_SERVICES, 'npm start'],
  },
  {
    section: 'beyond',
    names: ['JWT_EXPIRES_IN'],
    default: '`28800`',
    meaning: 'token lifetime, seconds',
    readBy: [...HTTP_SERVICES],
  },
  {
    section: 'beyond',
    names: ['DEMO_SEED', 'DEMO_PASSWORD'],
    default: '`true` (`false` when `NODE_ENV=production`) / `demo12368`',
    meaning:
      'seed the demo directory and accounts of API.md (intake); in production `DEMO_SEED=true` refuses to start',
    readBy: ['intake'],
  },
  {
    section: 'beyond',
    names: [
      'LOGIN_MAX_FAILURES_PER_USER',
      { name: 'LOGIN_MAX_FAILURES_PER_ADDRESS', shown: '_PER_ADDRESS' },
      'LOGIN_LOCKOUT_SECONDS',
    ],
    default: '`10` / `100` / `900`',
    meaning:
      'failures of one account before its back-off starts / failures per client address within the window / how long failures are remembered (intake, per process)',
    readBy: ['intake'],
  },
  {
    section: 'beyond',
    names: ['LOGIN_BACKOFF_BASE_SECONDS', 'LOGIN_BACKOFF_MAX_SECONDS'],
    default: '`1` / `300`',
    meaning:
      "an account's back-off after its free failures: 1 s, 2 s, 4 s … at most 5 min (intake)",
    readBy: ['intake'],
  },
  {
    section: 'beyond',
    names: ['AUDIT_RETENTION_DAYS'],
    default: '`1095` (3 years)',
    meaning:
      'how long audit entries are kept; older ones are purged once a day, at most 20 000 per run (intake)',
    readBy: ['intake'],
  },
  {
    section: 'beyond',
    names: ['IDEMPOTENCY_TTL_DAYS'],
    default: '`7`',
    meaning:
      'how long an `Idempotency-Key` of `POST /api/tickets` / `POST /api/voicemails` is remembered; older keys count as new and are purged hourly (intake)',
    readBy: ['intake'],
  },
  {
    section: 'beyond',
    names: ['ATTACHMENT_MAX_BYTES'],
    default: '`20971520` (20 MB)',
    meaning:
      'the largest ticket attachment accepted, bytes; a larger upload is cut off at the limit and refused with 413 (intake)',
    readBy: ['intake'],
  },
  {
    section: 'beyond',
    names: ['ATTACHMENTS_DIR'],
    default: '`<DATA_DIR>/attachments`, else `data/attachments`',
    meaning:
      'where ticket attachments are kept (intake; relative paths from the working directory; back it up with the database)',
    readBy: ['intake'],
  },
  {
    section: 'beyond',
    names: ['AUTH_STATE_CACHE_MS'],
    default: '`3000`',
    meaning:
      "how long a service trusts an account's token version / disabled / must-change state before reading it again (all three)",
    readBy: [...HTTP_SERVICES],
  },
  {
    section: 'beyond',
    names: ['TRUST_PROXY'],
    default: 'unset',
    meaning:
      'Express `trust proxy` (`true`, a hop count, or addresses/subnets/`loopback`): the client address for the per-address limit comes from `X-Forwarded-For`',
    readBy: [...HTTP_SERVICES],
  },
  {
    section: 'beyond',
    names: ['HOST'],
    default: '`127.0.0.1`',
    meaning: 'the address the HTTP services listen on (docker-compose: `0.0.0.0`)',
    readBy: [...SERVICES],
  },
  {
    section: 'beyond',
    names: ['WORKER_HEALTH_PORT'],
    default: '`3003`',
    meaning:
      'where the ticket worker answers `GET /health` (200 while its worker runs and the database and Temporal answer)',
    readBy: ['worker'],
  },
  {
    section: 'beyond',
    names: ['WORKER_METRICS_PORT'],
    default: '`9464`',
    meaning:
      "where the ticket worker's Temporal SDK serves its Prometheus metrics (`/metrics`, on `HOST`); `off`: nowhere; +10 per replica under `npm start -- --replicas N`",
    readBy: ['worker'],
  },
  {
    section: 'beyond',
    names: ['WORKER_CACHED_WORKFLOWS'],
    default: '`500`',
    meaning:
      "tickets the ticket worker keeps in memory between their tasks (40–100000); one outside replays its history on its next task. The SDK's default grows with the machine's memory: 2,000 open tickets held 1 GB",
    readBy: ['worker'],
  },
  {
    section: 'beyond',
    names: ['METRICS_TOKEN'],
    default: 'unset: `/metrics` open',
    meaning:
      "bearer token every service's `GET /metrics` requires (401 without it); set it when the services listen beyond loopback and the scrape does not stay on a private network",
    readBy: [...SERVICES],
  },
  {
    section: 'beyond',
    names: ['STACK_REPLICAS'],
    default: '`1`',
    meaning:
      '`npm start` only: how many workers, notification and intake services to run (1–9; `npm start -- --replicas N` wins)',
    readBy: ['npm start'],
  },
  {
    section: 'beyond',
    names: ['NODE_ENV'],
    default: '—',
    meaning: '`production`: no demo data; the services refuse to start if told to seed',
    readBy: [...SERVICES],
  },
  {
    section: 'beyond',
    names: ['ADMIN_PASSWORD'],
    default: '—',
    meaning: "the first admin's password for `npm run create-admin` (else typed on a terminal)",
    readBy: ['create-admin'],
  },
  {
    section: 'beyond',
    names: ['TICKETS_TASK_QUEUE'],
    default: '`tickets`',
    meaning: 'where the intake starts ticket workflows',
    readBy: ['intake'],
  },
  {
    section: 'beyond',
    names: ['PAYLOAD_KEYS'],
    default: 'unset: payloads not encrypted (refused in production)',
    meaning:
      'AES-256 keys of the payload codec, `id:base64` of 32 bytes, comma-separated: the first encrypts, all decrypt (rotation, below)',
    readBy: [...SERVICES, 'npm start'],
  },
  {
    section: 'beyond',
    names: ['PAYLOAD_KEY_FILE'],
    default: '`data/payload-keys` under `npm start`',
    meaning:
      'a file of the same entries, one a line (`#` comments), the first encrypting; set this or `PAYLOAD_KEYS`, not both',
    readBy: [...SERVICES, 'npm start'],
  },
  {
    section: 'beyond',
    names: ['TEMPORAL_UI_ORIGIN'],
    default: '`http://127.0.0.1:<TEMPORAL_UI_PORT>`',
    meaning:
      "the Temporal Web UI's origin: the one origin CORS lets call the intake's codec endpoint `/api/temporal-codec`",
    readBy: [...SERVICES],
  },
  {
    section: 'beyond',
    names: ['SMS_PROVIDER'],
    default: '`outbox`',
    meaning:
      '`outbox` (stored, nothing leaves the machine) or `aliyun` (Alibaba Cloud SMS; `ALIYUN_SMS_*` below)',
    readBy: ['notification'],
  },
  {
    section: 'beyond',
    names: [
      'ALIYUN_SMS_ACCESS_KEY_ID',
      { name: 'ALIYUN_SMS_ACCESS_KEY_SECRET', shown: '_SECRET' },
      { name: 'ALIYUN_SMS_SIGN_NAME', shown: '_SIGN_NAME' },
      { name: 'ALIYUN_SMS_TEMPLATE_CODES', shown: '_TEMPLATE_CODES' },
      { name: 'ALIYUN_SMS_ENDPOINT', shown: '_ENDPOINT' },
      { name: 'ALIYUN_SMS_PROTOCOL', shown: '_PROTOCOL' },
      { name: 'ALIYUN_SMS_TIMEOUT_MS', shown: '_TIMEOUT_MS' },
    ],
    default: '—',
    meaning: 'Alibaba Cloud SMS settings (notification)',
    readBy: ['notification'],
  },
  {
    section: 'beyond',
    names: ['SMS_MAX_ATTEMPTS', 'SMS_RETRY_BACKOFF'],
    default: '`5` / `1m`',
    meaning:
      'provider calls per SMS in all when the provider refuses for now (throttling), and the first wait between them, doubled each time up to 30 min; then `failed` and supervisors told (notification)',
    readBy: ['notification'],
  },
  {
    section: 'beyond',
    names: ['NOTIFY_STREAM_CATCHUP_MS', 'NOTIFY_STREAM_LOOKBACK_MS'],
    default: '`5000` / `5000`',
    meaning:
      "how often the notice feed looks for other notification processes' notices / how far it looks back for one committed late (notification)",
    readBy: ['notification'],
  },
  {
    section: 'beyond',
    names: ['NOTIFICATION_URL', 'REPORTING_URL'],
    default: '`http://127.0.0.1:<port>`',
    meaning:
      "where the intake forwards the web UI's notification and reporting paths (one origin for the browser)",
    readBy: ['intake'],
  },
  {
    section: 'beyond',
    names: ['WEB_ROOT'],
    default: '`dist/web`',
    meaning: 'the built web app the intake serves at `/`',
    readBy: ['intake'],
  },
  {
    section: 'beyond',
    names: ['PUBLIC_BASE_URL'],
    default: '`http://127.0.0.1:3000`',
    meaning: 'the link in notices',
    readBy: ['notification'],
  },
  {
    section: 'beyond',
    names: ['BULLETIN_SCHEDULE', 'BULLETIN_PERIOD_DAYS'],
    default: '`0 9 * * 1` / `7`',
    meaning: 'the bulletin schedule (cron, Asia/Shanghai; `off` disables) and the period it covers',
    readBy: ['reporting'],
  },
  {
    section: 'beyond',
    names: ['ACCEPT_WITHIN'],
    default: '`2h` (two working hours)',
    meaning:
      'how long a handler has to accept (签收) a transfer before `GET /api/reports/unaccepted` lists it: `s`/`m`/`h` count working hours on the court calendar, `wd` working days (reporting)',
    readBy: ['reporting'],
  },
  {
    section: 'beyond',
    names: ['LOG_LEVEL'],
    default: '`info`',
    meaning: '`debug` adds debug lines to the JSON logs',
    readBy: [...SERVICES],
  },
  {
    section: 'beyond',
    names: ['TEMPORAL_TLS'],
    default: 'unset: plain text',
    meaning:
      '`true`: TLS to Temporal with the system CAs (Temporal Cloud); turned on by any setting below; `false` beside one of them is refused',
    readBy: [...SERVICES],
  },
  {
    section: 'beyond',
    names: ['TEMPORAL_TLS_CERT_FILE', 'TEMPORAL_TLS_KEY_FILE'],
    default: '—',
    meaning:
      'the mTLS client certificate and its unencrypted private key (PEM files), set together; checked at start to be a pair',
    readBy: [...SERVICES],
  },
  {
    section: 'beyond',
    names: ['TEMPORAL_TLS_CA_FILE'],
    default: 'the system CAs',
    meaning:
      "the CA (PEM) that signed the Temporal frontend's certificate, for a self-hosted mTLS cluster",
    readBy: [...SERVICES],
  },
  {
    section: 'beyond',
    names: ['TEMPORAL_TLS_SERVER_NAME'],
    default: 'the host of `TEMPORAL_ADDRESS`',
    meaning:
      "the name the frontend's certificate is checked against (SNI), when it differs from the address",
    readBy: [...SERVICES],
  },
  {
    section: 'beyond',
    names: ['TEMPORAL_API_KEY'],
    default: '—',
    meaning: 'a Temporal Cloud API key (sent as a bearer token; implies TLS)',
    readBy: [...SERVICES],
  },
  {
    section: 'beyond',
    names: ['JWT_SECRET_FILE', 'MONGODB_URI_FILE', 'METRICS_TOKEN_FILE'],
    default: '—',
    meaning:
      'read that secret from this file instead (Docker and Kubernetes secrets; trimmed; an empty file is no value); set the variable or its file, not both',
    readBy: [...SERVICES],
  },
  {
    section: 'beyond',
    names: ['ALIYUN_SMS_ACCESS_KEY_SECRET_FILE', 'TEMPORAL_API_KEY_FILE'],
    default: '—',
    meaning:
      'read that secret from this file instead (Docker and Kubernetes secrets; trimmed; an empty file is no value); set the variable or its file, not both',
    readBy: [...SERVICES],
  },
  {
    section: 'beyond',
    names: ['LOG_FORMAT'],
    default: '`pretty`',
    meaning:
      '`npm start` only: `pretty` prints readable lines per process; `json` prints one JSON object a line for a log collector (see "Logs")',
    readBy: ['npm start'],
  },
  {
    section: 'beyond',
    names: ['NO_COLOR'],
    default: 'unset',
    meaning:
      '`npm start` only: any value turns off the colours of the readable log lines (set for the processes when the output is not a terminal)',
    readBy: ['npm start'],
  },
  {
    section: 'beyond',
    names: [
      'OTEL_TRACES_EXPORTER',
      'OTEL_EXPORTER_OTLP_ENDPOINT',
      'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    ],
    default: 'unset: no traces',
    meaning:
      'OpenTelemetry traces (see "Traces"): on when an exporter other than `none` or an OTLP endpoint is set; the other standard `OTEL_*` settings apply as the OTel SDK reads them',
    readBy: [...SERVICES],
  },
  {
    section: 'beyond',
    names: ['OTEL_SDK_DISABLED'],
    default: '`false`',
    meaning: '`true`: no traces, whatever else is set',
    readBy: [...SERVICES],
  },
  {
    section: 'beyond',
    names: ['OTEL_SERVICE_NAME'],
    default: '`court-12368-<service>`',
    meaning:
      "the traces' `service.name` (`court-12368-intake`, `-notification`, `-reporting`, `-worker`)",
    readBy: [...SERVICES],
  },
];

/** The env name of a row's name. */
export const settingName = (name: SettingName): string =>
  typeof name === 'string' ? name : name.name;

/** Every catalogued env name, in table order. */
export function catalogueNames(rows: readonly SettingRow[] = SETTINGS_CATALOGUE): string[] {
  return rows.flatMap((row) => row.names.map(settingName));
}

/** The row that declares `name`, if any. */
export function settingRow(
  name: string,
  rows: readonly SettingRow[] = SETTINGS_CATALOGUE,
): SettingRow | undefined {
  return rows.find((row) => row.names.some((n) => settingName(n) === name));
}
