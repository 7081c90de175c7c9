import { execFile } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './process.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI as a real process, with PATH/HOME and only the given environment. */
export function runCli(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(REPO_ROOT, 'bin/klantportaal.js'), ...args],
      { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}
