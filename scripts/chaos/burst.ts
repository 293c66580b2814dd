import { randomUUID } from 'node:crypto';

/** How one logged call ended, from the caller's side of the API. */
export interface CallOutcome {
  phone: string;
  /** The ticket id, once a 201 answered. */
  ticketId: string | null;
  /** Retried with its Idempotency-Key until accepted, or sent once and left as answered. */
  retried: boolean;
  /** Statuses seen, in order (0: no answer: the connection failed or timed out). */
  statuses: number[];
}

const REQUEST_TIMEOUT_MS = 10_000;
const RETRY_FOR_MS = 120_000;

function mobile(): string {
  return `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

/** A 4.2 transfer (could not reach the judge): the judge and the division head are told. */
function transfer(phone: string) {
  return {
    channel: 'phone',
    caller: { name: '混沌测试', phone },
    type: 'contact_judge',
    complaint: null,
    caseNumber: '(2026)豫0782民初1号',
    content: '联系不上承办法官（故障演练）',
    answer: null,
    flags: { urgent: false, abusive: false, litigationRights: false, couldNotReachJudge: true },
    override: null,
  };
}

export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function post(url: string, token: string, key: string | null, body: unknown) {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
        ...(key ? { 'Idempotency-Key': key } : {}),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const json = (await response.json().catch(() => ({}))) as { id?: string };
    return { status: response.status, id: json.id ?? null };
  } catch {
    return { status: 0, id: null };
  }
}

/** One call: retried calls keep their key and try until accepted; one-shot calls try once. */
async function logCall(baseUrl: string, token: string, retried: boolean): Promise<CallOutcome> {
  const phone = mobile();
  const key = retried ? randomUUID() : null;
  const outcome: CallOutcome = { phone, ticketId: null, retried, statuses: [] };
  const giveUpAt = Date.now() + RETRY_FOR_MS;
  for (;;) {
    const answer = await post(`${baseUrl}/api/tickets`, token, key, transfer(phone));
    outcome.statuses.push(answer.status);
    if (answer.status === 201) {
      outcome.ticketId = answer.id;
      return outcome;
    }
    if (!retried || Date.now() > giveUpAt || (answer.status !== 503 && answer.status !== 0)) {
      return outcome;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/**
 * `count` calls, `concurrency` at a time, one in four sent once only; `midway` runs after the
 * first third has been sent (the kill), while the rest are still coming in.
 */
export async function burst(
  baseUrl: string,
  token: string,
  count: number,
  concurrency: number,
  midway: () => Promise<void>,
): Promise<CallOutcome[]> {
  const outcomes: CallOutcome[] = [];
  let next = 0;
  let killed: Promise<void> | null = null;
  const lane = async () => {
    for (let i = next++; i < count; i = next++) {
      if (i === Math.floor(count / 3)) killed = midway();
      outcomes.push(await logCall(baseUrl, token, i % 4 !== 3));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  await killed;
  return outcomes;
}
