import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * strace(1) output of `strace -f -tt -yy -o FILE`, read back as syscalls with the trace line where each began
 * and the one where it returned. strace prints a line as it sees each entry or exit, and a thread stays stopped
 * until strace has printed it, so "A returned before B began" is `a.end < b.start`, across threads too.
 */
export interface Syscall {
  pid: number;
  time: string;
  name: string;
  /** The argument text (strings as strace quotes them). */
  args: string;
  ret: number;
  /** Line numbers (1-based) of the call and of its return (equal unless strace split it). */
  start: number;
  end: number;
  /** First argument's descriptor as `-y` names it: a path, or `TCP:[a:p->b:q]`. */
  fdPath: string | null;
}

export function straceAvailable(): boolean {
  return spawnSync('strace', ['-V'], { stdio: 'ignore' }).status === 0;
}

/** The wrapper that runs a command under strace, following every thread, writing FILE. */
export function straceCommand(file: string, syscalls: string[]): string[] {
  // --seccomp-bpf: only the traced calls stop the process, so the server runs at nearly its normal speed.
  // -s 4096: a whole SQLite page, so the row's bytes are visible in the WAL write that carries them.
  return ['strace', '-f', '-qq', '--seccomp-bpf', '-tt', '-yy', '-s', '4096', '-o', file, '-e', `trace=${syscalls.join(',')}`, '--'];
}

const LINE = /^(\d+) +(\d\d:\d\d:\d\d\.\d+) +(.*)$/;
const RETURN = /\)\s+=\s+(-?\d+)(?:<.*>)?(?:\s+[A-Z]+ \(.*\))?$/;
const FD = /^\d+<(.*?)>(?=[,)]|$)/;

export function parseStrace(text: string): Syscall[] {
  const calls: Syscall[] = [];
  const open = new Map<number, { name: string; args: string; start: number; time: string }>();
  const finish = (pid: number, time: string, name: string, body: string, start: number, end: number) => {
    const ret = RETURN.exec(body);
    if (!ret) return; // exits that never return (exit_group) and similar
    const args = body.slice(0, ret.index);
    calls.push({ pid, time, name, args, ret: Number(ret[1]), start, end, fdPath: FD.exec(args)?.[1] ?? null });
  };
  text.split('\n').forEach((line, index) => {
    const match = LINE.exec(line);
    if (!match) return;
    const pid = Number(match[1]);
    const time = match[2] ?? '';
    const body = match[3] ?? '';
    const number = index + 1;
    const resumed = /^<\.\.\. (\w+) resumed>(.*)$/.exec(body);
    if (resumed) {
      const begun = open.get(pid);
      open.delete(pid);
      if (begun) finish(pid, begun.time, begun.name, begun.args + (resumed[2] ?? ''), begun.start, number);
      return;
    }
    const call = /^(\w+)\((.*)$/.exec(body);
    if (!call) return; // signals, exits
    const name = call[1] ?? '';
    const rest = call[2] ?? '';
    if (rest.endsWith(' <unfinished ...>')) open.set(pid, { name, args: rest.slice(0, -' <unfinished ...>'.length), start: number, time });
    else finish(pid, time, name, rest, number, number);
  });
  return calls;
}

export function readStrace(file: string): Syscall[] {
  return parseStrace(fs.readFileSync(file, 'utf8'));
}

/** The quoted string arguments of a call, unescaped only as far as paths need. */
function strings(call: Syscall): string[] {
  return [...call.args.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? '');
}

const WRITES = new Set(['write', 'writev', 'pwrite64', 'pwritev', 'pwritev2']);
const SYNCS = new Set(['fsync', 'fdatasync']);
const SENDS = new Set(['write', 'writev', 'sendto', 'sendmsg']);

export interface Upload {
  invoiceNumber: string;
  id: string;
  sha256: string;
  size: number;
}

/** What each step of one upload was, for the report of a failure. */
const show = (call: Syscall | undefined) => (call ? `${call.name}@${call.start}-${call.end}(${call.time})` : 'none');

/**
 * RELIABILITY.md D2 for one upload: every byte of the PDF written to a temp file in the PDF directory, then
 * fsync(temp), then rename(temp → <sha256>.pdf), then fsync(directory), then the commit of the row (SQLite:
 * the WAL write holding the row, then fsync of the WAL; PostgreSQL: the INSERT sent, then the server's COMMIT
 * answer read), then the 201 written to the client. Returns what is out of order or missing; empty is a pass.
 */
export function uploadOrderProblems(calls: Syscall[], upload: Upload, pdfDir: string, dialect: 'sqlite' | 'postgres'): string[] {
  const problems: string[] = [];
  const final = path.join(pdfDir, `${upload.sha256}.pdf`);
  const renames = calls.filter((c) => c.name.startsWith('rename') && c.ret === 0 && strings(c).at(-1) === final);
  if (renames.length !== 1) return [`${renames.length} renames onto ${final}`];
  const rename = renames[0] as Syscall;
  const temp = strings(rename).at(-2) ?? '';
  if (path.dirname(temp) !== pdfDir || !path.basename(temp).startsWith('.tmp-')) problems.push(`renamed from ${temp}, not a temp file in ${pdfDir}`);

  const writes = calls.filter((c) => WRITES.has(c.name) && (c.fdPath === temp || c.fdPath === final));
  const written = writes.reduce((sum, c) => sum + Math.max(0, c.ret), 0);
  if (written !== upload.size) problems.push(`${written} bytes written to the temp file, the PDF has ${upload.size}`);
  const syncs = calls.filter((c) => SYNCS.has(c.name) && c.fdPath === temp && c.end < rename.start);
  const sync = syncs.at(-1);
  if (!sync) problems.push('no fsync of the temp file before the rename');
  else {
    const late = writes.find((w) => w.end > sync.start);
    if (late) problems.push(`temp file written (${show(late)}) after its fsync began (${show(sync)})`);
  }

  const dirSync = calls.find((c) => SYNCS.has(c.name) && c.fdPath === pdfDir && c.start > rename.end);
  if (!dirSync) return [...problems, `no fsync of ${pdfDir} after the rename (${show(rename)})`];

  let commit: Syscall | undefined;
  if (dialect === 'sqlite') {
    // The row's page reaches the WAL only at commit (WAL mode keeps it in the page cache until then).
    const rowWrite = calls.find((c) => WRITES.has(c.name) && c.fdPath?.endsWith('-wal') && c.args.includes(upload.invoiceNumber));
    if (!rowWrite) return [...problems, 'no WAL write carrying the row'];
    if (rowWrite.start < dirSync.end) problems.push(`the row was written to the WAL (${show(rowWrite)}) before the directory fsync returned (${show(dirSync)})`);
    commit = calls.find((c) => SYNCS.has(c.name) && c.fdPath === rowWrite.fdPath && c.start > rowWrite.end);
    if (!commit) return [...problems, 'no fsync of the WAL after the row was written'];
  } else {
    // The INSERT's Parse and Bind go out in one write (the invoice-number check before it carries the number too).
    const insert = calls.find((c) => SENDS.has(c.name) && c.fdPath?.includes(':5432]') && c.args.includes('insert into \\"customer_invoices\\"') && c.args.includes(upload.invoiceNumber));
    if (!insert) return [...problems, 'no statement carrying the row sent to PostgreSQL'];
    if (insert.start < dirSync.end) problems.push(`the row was sent to PostgreSQL (${show(insert)}) before the directory fsync returned (${show(dirSync)})`);
    commit = calls.find((c) => c.name === 'read' && c.fdPath === insert.fdPath && c.start > insert.end && c.args.includes('COMMIT'));
    if (!commit) return [...problems, 'no COMMIT answer read from PostgreSQL after the row was sent'];
  }
  if (commit.start < dirSync.end) problems.push(`commit (${show(commit)}) before the directory fsync returned (${show(dirSync)})`);

  const created = calls.find((c) => SENDS.has(c.name) && c.fdPath?.startsWith('TCP') && c.args.includes('HTTP/1.1 201') && c.args.includes(`/v1/customer-invoices/${upload.id}`));
  if (!created) return [...problems, 'no 201 written to the client'];
  if (created.start < commit.end) problems.push(`201 written (${show(created)}) before the commit returned (${show(commit)})`);
  return problems;
}
