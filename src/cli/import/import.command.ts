import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createClient } from '../../client/index.js';
import { API_OPTIONS, apiConnection } from '../api-config.js';
import { CommandFailed, UsageError } from '../errors.js';
import { csvLine, parseMapping, readCsv } from './csv-file.js';
import { detectDecimalComma, toImportRow, type ImportRow } from './import-row.js';
import { createImporter, type Outcome } from './importer.js';
import { createProgress } from './progress.js';

export interface ImportSummary {
  rows: number;
  created: number;
  existing: number;
  failed: number;
  seconds: number;
  rowsPerSecond: number;
  failedFile: string | null;
  interrupted: boolean;
}

/**
 * `klantportaal import <file.csv> --pdf-dir <dir>`: every row becomes an invoice (its customer found by integrationId or created
 * when missing), a few uploads at a time. Rerunnable: rows already imported are recognised, not duplicated.
 */
export async function importCommand(file: string | undefined, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { ...API_OPTIONS, 'pdf-dir': { type: 'string' }, mapping: { type: 'string' }, notify: { type: 'boolean' }, concurrency: { type: 'string' } },
  });
  if (!file) throw new UsageError('import needs a CSV file: klantportaal import <file.csv> --pdf-dir <dir>');
  if (!values['pdf-dir']) throw new UsageError('import needs --pdf-dir <dir> (where the PDF files named in the CSV are)');
  const concurrency = Number(values.concurrency ?? '4');
  if (!/^\d+$/.test(values.concurrency ?? '4') || concurrency < 1 || concurrency > 32) throw new UsageError('--concurrency must be a whole number from 1 to 32');
  const mapping = parseMapping(values.mapping);
  const connection = apiConnection(values);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const csv = readCsv(text, mapping);
  const amountColumn = csv.columns.amount ?? 0;
  const decimalComma = detectDecimalComma(csv.rows.map((r) => r[amountColumn] ?? ''), csv.separator);
  // The server's per-key rate limit paces an import: a 429 is waited out (up to 15 minutes per row) rather than
  // counted as a failed try, so a large first import never loses rows to throttling.
  const client = createClient({ ...connection, retry: { throttledWaitMs: 15 * 60_000 } });
  const importRow = createImporter(client, { pdfDir: values['pdf-dir'], notify: values.notify ?? false });

  const outcomes: (Outcome | undefined)[] = new Array(csv.rows.length);
  const progress = createProgress(csv.rows.length);
  const started = Date.now();
  let next = 0;
  let done = 0;
  let failed = 0;
  // Ctrl-C: start no new row, let the ones in flight finish, then say where it stopped. A rerun continues.
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
  };
  process.once('SIGINT', onSigint);

  async function worker(): Promise<void> {
    while (!interrupted && next < csv.rows.length) {
      const index = next++;
      const checked = toImportRow(csv, csv.rows[index] ?? [], index + 1, decimalComma);
      const outcome: Outcome = 'errors' in checked ? { status: 'failed', reason: checked.errors.join('; ') } : await importRow(checked as ImportRow);
      outcomes[index] = outcome;
      done += 1;
      if (outcome.status === 'failed') failed += 1;
      progress.tick(done, failed);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  process.removeListener('SIGINT', onSigint);
  progress.finish();

  const seconds = (Date.now() - started) / 1000;
  const count = (status: Outcome['status']) => outcomes.filter((o) => o?.status === status).length;
  const failedFile = `${file}.failed.csv`;
  const failures = outcomes.flatMap((o, i) => (o?.status === 'failed' ? [csvLine([...(csv.rows[i] ?? []), o.reason], csv.separator)] : []));
  if (failures.length) await fs.writeFile(failedFile, [csvLine([...csv.header, 'error'], csv.separator), ...failures].join('\n') + '\n');
  // A file from an earlier run would now lie about rows that have since been imported.
  else if (!interrupted) await fs.rm(failedFile, { force: true });

  const summary: ImportSummary = {
    rows: done,
    created: count('created'),
    existing: count('existing'),
    failed: failures.length,
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: Math.round((done / Math.max(seconds, 0.001)) * 10) / 10,
    failedFile: failures.length ? failedFile : null,
    interrupted,
  };
  const human =
    `${interrupted ? `Interrupted after ${done} of ${csv.rows.length} rows` : `Imported ${done} rows`} in ${summary.seconds} s ` +
    `(${summary.rowsPerSecond} rows/s): ${summary.created} created, ${summary.existing} already there, ${summary.failed} failed.` +
    (summary.failedFile ? `\nFailed rows and why: ${summary.failedFile}` : '') +
    (interrupted ? '\nRun the same command again to continue; nothing is imported twice.' : '');
  process.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : `${human}\n`);
  if (interrupted) process.exitCode = 130;
  else if (failures.length) throw new CommandFailed(`${failures.length} of ${csv.rows.length} rows failed; see ${failedFile}`);
}
