/**
 * 6. Manual invoices: POST /v1/customer-invoices/manual with 10 lines (three VAT rates, quantities with decimals),
 * a unique number per request, at concurrency 1 and 16 for a fixed duration, against a freshly started server
 * (the PDF is rendered, published and committed per request); its peak RSS (VmHWM) before and after.
 */
import autocannon from 'autocannon';
import { api, type PreparedKlantportaal } from './lib/klantportaal.js';
import { memoryOf, MiB } from './lib/proc.js';
import { percentile, round } from './lib/stats.js';

export interface ManualRow {
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  created: number;
  non201: number;
  errors: number;
}

export interface ManualResult {
  lines: number;
  rows: ManualRow[];
  rssBeforeMiB: number;
  peakMiB: number;
}

const LINES = Array.from({ length: 10 }, (_, i) => ({
  description: `Artikel ${i + 1}: ${['Volkorenbrood, gesneden', 'Taartworkshop (uren)', 'Bezorging'][i % 3]}`,
  quantity: ['1', '2.5', '12'][i % 3],
  amountExclVat: ['3.45', '75.00', '12.95'][i % 3],
  vatRate: [9, 21, 0][i % 3],
}));

let counter = 0;

async function run(kp: PreparedKlantportaal, connections: number, seconds: number): Promise<ManualRow> {
  const latencies: number[] = [];
  let created = 0;
  let other = 0;
  const started = process.hrtime.bigint();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: kp.server.url,
        connections,
        pipelining: 1,
        duration: seconds,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            path: '/v1/customer-invoices/manual',
            headers: { authorization: `Bearer ${kp.tenant.apiKey}`, 'content-type': 'application/json' },
            setupRequest: (request) => {
              const body = { customerId: kp.customerId, invoiceNumber: `BM-${(counter++).toString(36)}`, issuedAt: '2025-04-14', lines: LINES };
              return { ...request, body: JSON.stringify(body) };
            },
          },
        ],
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 201) {
        created += 1;
        latencies.push(responseTime);
      } else other += 1;
    });
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    connections,
    rps: round(created / elapsed, 0),
    p50: round(percentile(latencies, 50), 1),
    p99: round(percentile(latencies, 99), 1),
    created,
    non201: other,
    errors: result.errors,
  };
}

export async function benchManual(kp: PreparedKlantportaal, connections: number[], seconds: number, log: (line: string) => void): Promise<ManualResult> {
  const details = await api(kp.server, kp.tenant.apiKey, 'PATCH', '/v1/account', {
    address: 'Prinsengracht 263', zipCode: '1016 GV', city: 'Amsterdam', kvkNumber: '12345678', vatNumber: 'NL123456789B01', iban: 'NL91ABNA0417164300',
  });
  if (details.status !== 200) throw new Error(`PATCH /v1/account answered ${details.status}: ${JSON.stringify(details.json)}`);
  const before = memoryOf(kp.server.pid);
  // Warm the renderer (fonts, QR code) before measuring.
  await run(kp, 1, 1);
  const rows: ManualRow[] = [];
  for (const c of connections) {
    const row = await run(kp, c, seconds);
    log(`  c=${c}: ${row.rps}/s, p50 ${row.p50} ms, p99 ${row.p99} ms (${row.created} created, ${row.non201} other, ${row.errors} errors)`);
    rows.push(row);
  }
  const after = memoryOf(kp.server.pid);
  return { lines: LINES.length, rows, rssBeforeMiB: round(before.current / MiB, 1), peakMiB: round(after.peak / MiB, 1) };
}
