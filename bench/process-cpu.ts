import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** `pid` and every process below it, from `ps` (the stack's servers and services). */
export function processTree(root: number): number[] {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' });
  const children = new Map<number, number[]>();
  for (const line of table.split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (!pid || ppid === undefined) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const tree: number[] = [];
  for (let queue = [root]; queue.length > 0; ) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue = [...queue, ...(children.get(pid) ?? [])];
  }
  return tree;
}

/** User + system CPU a process has used so far, in ms; 0 when it is gone. */
export function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: the fields start after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The CPU each process of a tree has used so far, by pid. */
export function treeCpu(root: number): Map<number, number> {
  return new Map(processTree(root).map((pid) => [pid, cpuMsOf(pid)]));
}

/** Which part of the stack a process is, from its command line. */
export function processName(pid: number): string {
  let args: string;
  try {
    args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return 'gone';
  }
  const app = /apps\/(intake|notification|reporting|worker)\//.exec(args);
  if (app) return app[1]!;
  if (args.includes('ferretdb')) return 'database';
  if (args.includes('start-dev')) return 'temporal';
  if (args.includes('scripts/start')) return 'supervisor';
  return args.split(' ')[0]?.split('/').pop() || String(pid);
}
