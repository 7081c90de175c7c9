import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process printed on stdout so far. */
  output(): string;
  /** Everything it printed on stderr so far. */
  errors(): string;
  /** Resolves once stdout contains `text`. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  stop(): Promise<number | null>;
}

/** `klantportaal serve` as `npm start` runs it (the built CLI), on a free loopback port. */
export async function startServeProcess(env: Record<string, string>, options: CliOptions = {}): Promise<ServeProcess> {
  const port = await freePort();
  const started = await startCliProcess(['serve'], { PORT: String(port), HOST: '127.0.0.1', ...env }, 'klantportaal listening on', options);
  return { ...started, url: `http://127.0.0.1:${port}` };
}

export interface DemoAccount {
  apiKey: string;
  accountId: string;
  customerId: string;
}

/** The demo account that `serve` prints when it starts on an empty database: its API key, id and customer. */
export async function demoAccount(server: Pick<ServeProcess, 'waitFor'>): Promise<DemoAccount> {
  const banner = await server.waitFor('Demo customer');
  const printed = (pattern: RegExp, what: string) => pattern.exec(banner)?.[1] ?? assert.fail(`serve printed no ${what}:\n${banner}`);
  return {
    apiKey: printed(/API key[^:]*: (kp_live_\w+)/, 'API key'),
    accountId: printed(/\((acc_\w+)\)/, 'account id'),
    customerId: printed(/Demo customer: (cst_\w+)/, 'demo customer'),
  };
}

/** `klantportaal worker`: only the outbox worker, on the database DATA_DIR names. */
export async function startWorkerProcess(env: Record<string, string>): Promise<CliProcess> {
  return startCliProcess(['worker'], env, 'klantportaal worker started');
}

export type CliProcess = Omit<ServeProcess, 'url'>;

export interface CliOptions {
  /**
   * A command that runs the CLI (`['strace', …, '--']`): `child` is then that command's process, and `stop()`
   * signals only it; a wrapper that does not pass signals on (strace blocks them) leaves ending the CLI to the test.
   */
  wrapper?: string[];
}

/** The built CLI with only the given environment; resolves once stdout shows `ready`. */
export async function startCliProcess(args: string[], env: Record<string, string>, ready: string, options: CliOptions = {}): Promise<CliProcess> {
  // The bin itself, as npm start and npx run it (its shebang carries the node flags).
  const bin = path.join(REPO_ROOT, 'bin/klantportaal.js');
  const [command, ...prefix] = [...(options.wrapper ?? []), bin];
  const child = spawn(command ?? bin, [...prefix, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitFor = (text: string | RegExp, timeoutMs = 20_000) =>
    new Promise<string>((resolve, reject) => {
      const started = Date.now();
      const check = () => {
        const found = typeof text === 'string' ? stdout.includes(text) : text.test(stdout);
        if (found) return resolve(stdout);
        if (child.exitCode !== null || Date.now() - started > timeoutMs) {
          return reject(new Error(`process did not print ${String(text)}; stdout:\n${stdout}\nstderr:\n${stderr}`));
        }
        setTimeout(check, 25);
      };
      check();
    });
  await waitFor(ready);
  return {
    child,
    output: () => stdout,
    errors: () => stderr,
    waitFor,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
