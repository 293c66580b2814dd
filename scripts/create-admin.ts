import { hashPassword, passwordProblem } from '@court/auth';
import { loadServiceConfig } from '@court/config';
import { AccountStore, newAccount } from '@court/database';
import mongoose from 'mongoose';

/**
 * `npm run create-admin -- --id <id> --name <name>`: creates the first admin (production has no
 * demo accounts) directly in the database at `MONGODB_URI`, with the password from
 * `ADMIN_PASSWORD` or, on a terminal, typed twice without echo. The admin must change it at
 * first login. An id in use is refused (exit code 1); nothing else is touched.
 */

export interface CreateAdminOptions {
  id: string;
  name: string;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const CREATE_ADMIN_USAGE =
  'usage: npm run create-admin -- --id <id> --name <name>   (password: ADMIN_PASSWORD, or typed on a terminal)';

/** The command line (pure): the options, or the problems. */
export function parseCreateAdminArgs(
  argv: readonly string[],
): { ok: true; options: CreateAdminOptions } | { ok: false; problems: string[] } {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--(id|name)(?:=(.*))?$/.exec(arg);
    if (!match) {
      problems.push(`unknown argument: ${arg}`);
      continue;
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined || value.startsWith('--')) {
      problems.push(`--${match[1]} needs a value`);
      if (value !== undefined) i--;
      continue;
    }
    values[match[1]!] = value.trim();
  }
  if (!values.id) problems.push('--id is required');
  else if (!ID.test(values.id)) {
    problems.push(
      '--id: 1–64 letters, digits, dots, dashes or underscores, starting with a letter or digit',
    );
  }
  if (!values.name) problems.push('--name is required');
  else if (values.name.length > 50) problems.push('--name: at most 50 characters');
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, options: { id: values.id!, name: values.name! } };
}

export type CreateAdminResult =
  | { ok: true; id: string }
  | { ok: false; status: 'invalid-password' | 'id-taken'; message: string };

/** Inserts the admin account (must change the password at first login). */
export async function createAdmin(
  accounts: AccountStore,
  options: CreateAdminOptions,
  password: string,
): Promise<CreateAdminResult> {
  const problem = passwordProblem(password, options.id);
  if (problem) return { ok: false, status: 'invalid-password', message: problem };
  const inserted = await accounts.insert(
    newAccount({
      _id: options.id,
      name: options.name,
      roles: ['admin'],
      departmentId: null,
      phone: null,
      passwordHash: await hashPassword(password),
    }),
  );
  return inserted
    ? { ok: true, id: options.id }
    : { ok: false, status: 'id-taken', message: `账号 ${options.id} 已存在 (id in use)` };
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    let answer = '';
    process.stdout.write(question);
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const done = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.removeListener('data', onData);
      process.stdout.write('\n');
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003') return done(new Error('cancelled'));
        if (char === '\u007f' || char === '\b') answer = answer.slice(0, -1);
        else answer += char;
      }
    };
    input.on('data', onData);
  });
}

async function readPassword(env: NodeJS.ProcessEnv): Promise<string | null> {
  if (env.ADMIN_PASSWORD) return env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY) return null;
  const first = await promptHidden('Password for the new admin (at least 10 characters): ');
  const second = await promptHidden('Repeat the password: ');
  if (first !== second) throw new Error('the two passwords differ');
  return first;
}

/** The command: exit code 0 when created, 1 otherwise (the reason on stderr). */
export async function runCreateAdmin(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<number> {
  const parsed = parseCreateAdminArgs(argv);
  if (!parsed.ok) {
    for (const problem of parsed.problems) log(problem);
    log(CREATE_ADMIN_USAGE);
    return 1;
  }
  const password = await readPassword(env);
  if (password === null) {
    log('no password: set ADMIN_PASSWORD, or run on a terminal to type it');
    return 1;
  }
  const { mongodbUri } = loadServiceConfig(env);
  const connection = await mongoose
    .createConnection(mongodbUri, { serverSelectionTimeoutMS: 10_000 })
    .asPromise();
  try {
    const result = await createAdmin(AccountStore.of(connection), parsed.options, password);
    if (!result.ok) {
      log(result.message);
      return 1;
    }
    log(
      `admin ${result.id} created in ${new URL(mongodbUri).pathname.slice(1) || 'the database'}; the password must be changed at first login`,
    );
    return 0;
  } finally {
    await connection.close();
  }
}

if (require.main === module) {
  runCreateAdmin(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(
        `create-admin failed: ${error instanceof Error ? error.message : error}\n`,
      );
      process.exit(1);
    },
  );
}
