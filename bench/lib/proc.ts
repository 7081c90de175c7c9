import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from '../../test/helpers/process.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RESULTS_DIR = path.join(REPO_ROOT, 'bench/results');
const BIN = path.join(REPO_ROOT, 'bin/klantportaal.js');
/** The node flags on the bin's shebang line (`#!/usr/bin/env -S node <flags>`). */
export const SHEBANG_FLAGS = /^#!.*\bnode\b(.*)$/m.exec(fs.readFileSync(BIN, 'utf8').split('\n')[0] ?? '')?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];

export const MiB = 1024 * 1024;

// The same free-port probe the tests use.
export { freePort };

export function tempDir(label: string): Promise<string> {
  return fsp.mkdtemp(path.join(os.tmpdir(), `kp-bench-${label}-`));
}

/** Environment for children: only what they need, never the orchestrator's own settings (DATABASE_URL etc.). */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...extra };
}

/** Runs a klantportaal CLI command (not serve) and returns its stdout. */
export async function cli(args: string[], env: Record<string, string>): Promise<string> {
  const { stdout } = await promisify(execFile)(BIN, args, { cwd: REPO_ROOT, env: childEnv(env) });
  return stdout;
}

/** Peak (VmHWM) and current (VmRSS) resident memory of a process, in bytes. */
export function memoryOf(pid: number): { peak: number; current: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { peak: kb('VmHWM'), current: kb('VmRSS') };
}

const CLOCK_TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU time (user + system) the process has used so far, in ms. */
export function cpuMsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
}

/** GET `url` once; resolves with the status, or null when nothing answers yet. */
export function probe(url: string): Promise<number | null> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? null));
    });
    req.on('error', () => resolve(null));
    req.setTimeout(2000, () => req.destroy());
  });
}

export interface Server {
  name: string;
  url: string;
  pid: number;
  child: ChildProcess;
  dataDir: string;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  dataDir: string;
  port: number;
  /** Where the server's stdout/stderr go (production writes JSON logs to stdout; we keep them in a file). */
  logFile: string;
  readyPath: string;
}

/** Spawns a server and waits until `readyPath` answers 200; resolves with the time that took. */
export async function spawnServer(options: SpawnOptions): Promise<{ server: Server; readyMs: number }> {
  const log = fs.openSync(options.logFile, 'a');
  const started = process.hrtime.bigint();
  const child = spawn(options.command, options.args, {
    cwd: REPO_ROOT,
    env: childEnv({ ...options.env, PORT: String(options.port), HOST: '127.0.0.1', DATA_DIR: options.dataDir }),
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${options.name} exited before it was ready; see ${options.logFile}:\n${fs.readFileSync(options.logFile, 'utf8').slice(-2000)}`);
    }
    if ((await probe(`${url}${options.readyPath}`)) === 200) break;
    if (Number(process.hrtime.bigint() - started) / 1e6 > 30_000) throw new Error(`${options.name} not ready after 30 s`);
    await new Promise((r) => setTimeout(r, 5));
  }
  const readyMs = Number(process.hrtime.bigint() - started) / 1e6;
  const pid = child.pid ?? NaN;
  return {
    readyMs,
    server: {
      name: options.name,
      url,
      pid,
      child,
      dataDir: options.dataDir,
      async stop() {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      },
    },
  };
}

export interface KlantportaalOptions {
  dataDir: string;
  logLevel?: string;
  env?: Record<string, string>;
  /** Write a V8 CPU profile into this directory when the process exits. */
  cpuProfDir?: string;
  /** Run as `node <nodeArgs> bin/klantportaal.js serve` instead of through the bin's shebang (experiments). */
  nodeArgs?: string[];
  name?: string;
}

/**
 * `klantportaal serve` from the built dist/, as npm start runs it. Normally the bin itself (its shebang carries
 * the node flags); when profiling, node with the same flag plus --cpu-prof.
 */
export async function startKlantportaal(options: KlantportaalOptions): Promise<{ server: Server; readyMs: number }> {
  const port = await freePort();
  const nodeArgs = options.cpuProfDir !== undefined ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`, ...SHEBANG_FLAGS] : options.nodeArgs;
  return spawnServer({
    name: options.name ?? 'klantportaal',
    command: nodeArgs ? process.execPath : BIN,
    args: nodeArgs ? [...nodeArgs, BIN, 'serve'] : ['serve'],
    // No rate limit: the bench drives one API key far past 600 requests a minute on purpose.
    env: { LOG_LEVEL: options.logLevel ?? 'info', PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, RATE_LIMIT_PER_MINUTE: '0', ...options.env },
    dataDir: options.dataDir,
    port,
    logFile: path.join(path.dirname(options.dataDir), `${options.name ?? 'klantportaal'}.log`),
    readyPath: '/readyz',
  });
}

/** The baseline in bench/baseline-server.ts: bare node:http + busboy + fsync + rename + dir fsync + one insert. */
export async function startBaseline(dataDir: string, name = 'baseline', nodeArgs: string[] = []): Promise<{ server: Server; readyMs: number }> {
  const port = await freePort();
  return spawnServer({
    name,
    command: process.execPath,
    args: [...nodeArgs, '--import', 'tsx', path.join(REPO_ROOT, 'bench/baseline-server.ts')],
    env: {},
    dataDir,
    port,
    logFile: path.join(path.dirname(dataDir), `${name}.log`),
    readyPath: '/ready',
  });
}
