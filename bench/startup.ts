/**
 * 4. Start-up: from spawning `klantportaal serve` to the first 200 from /readyz, on existing data directories
 * (a large database; a directory full of PDFs). For scale, the same for a bare `node -e` HTTP server.
 */
import { freePort, spawnServer, startKlantportaal } from './lib/proc.js';
import { median, round } from './lib/stats.js';

export interface StartupRow {
  target: string;
  medianMs: number;
  maxMs: number;
  runsMs: number[];
}

const BARE_SERVER = `require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')`;

async function bareNode(root: string): Promise<number> {
  const { server, readyMs } = await spawnServer({
    name: 'bare-node',
    command: process.execPath,
    args: ['-e', BARE_SERVER],
    env: {},
    dataDir: root,
    port: await freePort(),
    logFile: `${root}/bare-node.log`,
    readyPath: '/',
  });
  await server.stop();
  return readyMs;
}

export async function benchStartup(cases: { label: string; dataDir: string }[], repeats: number, scratch: string): Promise<StartupRow[]> {
  const runs = new Map<string, number[]>([...cases.map((c) => [c.label, []] as [string, number[]]), ['bare node:http server (floor)', []]]);
  for (let r = 0; r < repeats; r++) {
    for (const c of r % 2 === 0 ? cases : [...cases].reverse()) {
      const { server, readyMs } = await startKlantportaal({ dataDir: c.dataDir, name: `startup-${r}` });
      await server.stop();
      runs.get(c.label)?.push(round(readyMs, 0));
    }
    runs.get('bare node:http server (floor)')?.push(round(await bareNode(scratch), 0));
  }
  return [...runs].map(([target, ms]) => ({ target, medianMs: round(median(ms), 0), maxMs: Math.max(...ms), runsMs: ms }));
}
