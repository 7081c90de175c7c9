/**
 * 5. Sign-in requests (RELIABILITY.md M5): POST /portal/sign-in/{account} for addresses of customers and for
 * addresses nobody has, alternating, each once (so the per-address hourly limit never decides the path). The
 * answers must be the same page; the figure is the gap between the two p50s (target < 2 ms).
 */
import http from 'node:http';
import { api, type PreparedKlantportaal } from './lib/klantportaal.js';
import { percentile, round } from './lib/stats.js';
import { customerBody } from '../test/helpers/customers.js';

export interface SignInResult {
  requests: number;
  knownP50: number;
  unknownP50: number;
  knownP99: number;
  unknownP99: number;
  /** |p50 known − p50 unknown| in ms. */
  gapMs: number;
  /** Answers whose status or page (CSRF token aside) differed from the first one's. */
  differentAnswers: number;
}

interface Answer {
  status: number;
  body: string;
  cookies: string[];
}

function request(url: string, init: { method: string; body?: string; cookie?: string }): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
  if (init.cookie) headers.cookie = init.cookie;
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), cookies: res.headers['set-cookie'] ?? [] }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const withoutToken = (html: string) => html.replace(/name="csrf" value="[^"]*"/g, 'name="csrf" value=""');

export async function benchSignIn(kp: PreparedKlantportaal, perKind: number, log: (line: string) => void): Promise<SignInResult> {
  const known: string[] = [];
  for (let i = 0; i < perKind; i++) {
    const email = `klant-${i}@bekend.example`;
    const res = await api(kp.server, kp.tenant.apiKey, 'POST', '/v1/customers', customerBody(i, { primaryEmail: email }));
    if (res.status !== 201) throw new Error(`creating a customer answered ${res.status}`);
    known.push(email);
  }
  const page = `${kp.server.url}/portal/sign-in/${kp.tenant.accountId}`;
  const times = { known: [] as number[], unknown: [] as number[] };
  let first: string | null = null;
  let differentAnswers = 0;
  for (let i = 0; i < perKind * 2; i++) {
    const kind = i % 2 === 0 ? 'known' : 'unknown';
    const email = kind === 'known' ? (known[i >> 1] as string) : `niemand-${i >> 1}@onbekend.example`;
    // As a browser does: the form first (its CSRF token and cookie), then the timed POST.
    const form = await request(page, { method: 'GET' });
    const csrf = /name="csrf" value="([^"]*)"/.exec(form.body)?.[1] ?? '';
    const cookie = form.cookies.map((c) => c.split(';')[0]).join('; ');
    const started = process.hrtime.bigint();
    const answer = await request(page, { method: 'POST', cookie, body: new URLSearchParams({ csrf, email }).toString() });
    times[kind].push(Number(process.hrtime.bigint() - started) / 1e6);
    const shape = `${answer.status}\n${withoutToken(answer.body)}`;
    if (answer.status !== 200) throw new Error(`sign-in request answered ${answer.status}`);
    first ??= shape;
    if (shape !== first) differentAnswers += 1;
  }
  const result: SignInResult = {
    requests: perKind * 2,
    knownP50: round(percentile(times.known, 50), 2),
    unknownP50: round(percentile(times.unknown, 50), 2),
    knownP99: round(percentile(times.known, 99), 2),
    unknownP99: round(percentile(times.unknown, 99), 2),
    gapMs: round(Math.abs(percentile(times.known, 50) - percentile(times.unknown, 50)), 2),
    differentAnswers,
  };
  log(`  known p50 ${result.knownP50} ms, unknown p50 ${result.unknownP50} ms, gap ${result.gapMs} ms; ${differentAnswers} answers differed`);
  return result;
}
