import { parseArgs } from 'node:util';
import { AccountInputError, createAccount, createApiKey, listKeys, revokeKey } from './accounts/account.service.js';
import { CopyRefusedError, UsageError, WebhookCommandError } from './cli/errors.js';
import { ConfigError, loadConfig, loadCopyTargetConfig } from './config.js';
import { parseScopes, ScopeInputError, SCOPES, type Scope } from './http/scopes.js';
import type { Runtime } from './runtime.js';

// Each command loads what it needs when it runs (the server, the workers, the database drivers): a CLI call
// such as `klantportaal invoices list` or a configuration error then answers without loading Fastify.

const USAGE = `Usage: klantportaal <command>

  serve                                         the API server with the email and webhook workers (what npm start runs); migrates first
  worker                                        only the email and webhook workers (more of them may run beside serve)
  migrate                                       bring the database schema up to date
  copy --to-database-url <postgres://…> [--to-storage-url <s3://…>]
                                                copy everything (rows and PDFs) into an empty PostgreSQL
                                                database and another PDF store, e.g. from SQLite + files
  accounts create --name <name> [--time-zone <zone>] [--json]
  accounts show --account <id> [--json]         the business's details (what GET /v1/account shows)
  accounts update --account <id> [--<field> <value> …] [--logo <file.png|jpg>] [--remove-logo] [--json]
                                                change them (the fields of PATCH /v1/account in kebab case:
                                                --name --address --zip-code --city --country-code --kvk-number
                                                --vat-number --iban --bic --email --phone --website --brand-color
                                                --payment-term-days --invoice-footer --time-zone; "" clears one)
  api-keys create --account <id> [--scopes a,b] [--test] [--json]
                                                a new API key (printed once) with these scopes (default: all);
                                                --test: a kp_test_ key for test mode
  api-keys list --account <id> [--json]         every key with its scopes
  api-keys revoke <key-id> [--json]
  webhooks create --account <id> --url <url> --type <event-type> [--json]
                                                create a webhook record for one event type (prints its secret)
  webhooks list --account <id> [--json]
  webhooks delete <wbh_id> [--json]

Against a running server (--api-url/--api-key or KLANTPORTAAL_API_URL/KLANTPORTAAL_API_KEY; --json for scripts):
  customers create --company-name <name> --address <street 1> --zip-code <zip> --city <city> --primary-email <email>
                   [--country-code NL] [--phone <p>] [--integration <name>] [--integration-id <id>] [--locale nl|en]
  customers get <id> | list [--primary-email <email>] [--integration <name>] [--integration-id <id>]
            [--customer-group <cug_…>] [--page N] [--per-page N] [--all] | update <id> [fields; "" clears phone/integration] | delete <id>
  invoices upload <file.pdf> --customer <id> --number <n> --issued <YYYY-MM-DD> --amount <12.95> [--paid-at <time>] [--notify]
  invoices get <id> | list [--customer <id>] [--paid true|false] [--issued-from/--issued-to <date>] [--number <n>] [--page N] [--per-page N] [--all]
  invoices mark-paid <id> [--at <time>] [--unpaid] | download <id> [-o <file>|-]
  import <file.csv> --pdf-dir <dir> [--mapping column=field,…] [--notify] [--concurrency N]
                                                (customers matched on integrationId, from the customer number column)

Configuration comes from the environment: PORT, HOST, DATA_DIR, DATABASE_URL, STORAGE_URL,
SMTP_URL, MAIL_FROM, PUBLIC_BASE_URL, MAX_PDF_BYTES, LOG_LEVEL and the MAIL_* (MAIL_CAP_* for the email caps
per account and address) and WEBHOOK_* settings (see README.md).`;

function print(value: unknown, json: boolean, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
}

/** `--scopes a,b`: an unknown name is a usage error that names it and lists the valid ones. */
function scopesOption(text: string): Scope[] {
  try {
    return parseScopes(text);
  } catch (error) {
    if (error instanceof ScopeInputError) throw new UsageError(`--scopes: ${error.message}`);
    throw error;
  }
}

/** A key's scopes for people: `all` when it has every one (`--json` always lists them). */
function describeScopes(scopes: readonly Scope[]): string {
  return scopes.length === SCOPES.length ? 'all' : scopes.join(' ') || 'none';
}

async function withRuntime<T>(work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const { openRuntime } = await import('./runtime.js');
  const runtime = await openRuntime(config);
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

async function serve(): Promise<void> {
  const config = loadConfig();
  const [{ startServer }, { ensureDemo }] = await Promise.all([import('./server.js'), import('./cli/demo.js')]);
  let banner: string | null = null;
  const server = await startServer(config, async (runtime) => {
    banner = await ensureDemo(runtime);
  });
  process.stdout.write(`klantportaal listening on ${server.url} (data in ${config.dataDir})\n`);
  process.stdout.write(`Notification emails go to ${server.mailTransport}\n`);
  if (banner) process.stdout.write(`${banner}\n`);
  stopOnSignal(() => server.stop(), (signal) => server.app.log.info({ signal }, 'shutting down'));
}

function stopOnSignal(stop: () => Promise<void>, announce: (signal: string) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      announce(signal);
      stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

/** Only the email and webhook workers, for scale-out: as many as wanted, on the same database as `serve`. */
async function worker(): Promise<void> {
  const config = loadConfig();
  const [{ openRuntime }, { pino }, { startWorkers }] = await Promise.all([import('./runtime.js'), import('pino'), import('./workers.js')]);
  const runtime = await openRuntime(config);
  const log = pino({ level: config.logLevel });
  const workers = startWorkers(runtime.ctx.db, config, log);
  process.stdout.write(`klantportaal worker started: notification emails go to ${workers.mailTransport}, webhooks are delivered (data in ${config.dataDir})\n`);
  stopOnSignal(
    async () => {
      await workers.stop();
      await runtime.close();
    },
    (signal) => log.info({ signal }, 'shutting down'),
  );
}

async function run(argv: string[]): Promise<void> {
  const [command, sub, ...rest] = argv;
  switch (command) {
    case 'serve':
      return serve();
    case 'worker':
      return worker();
    case 'migrate': {
      const config = loadConfig();
      const [{ openDatabase }, { migrateToLatest }] = await Promise.all([import('./db/database.js'), import('./db/migrate.js')]);
      const database = openDatabase(config.database);
      try {
        const ran = await migrateToLatest(database);
        process.stdout.write(ran.length ? `Applied: ${ran.join(', ')}\n` : 'Database schema is up to date.\n');
      } finally {
        await database.close();
      }
      return;
    }
    case 'copy': {
      const { values } = parseArgs({ args: [sub, ...rest].filter((a): a is string => a !== undefined), options: { 'to-database-url': { type: 'string' }, 'to-storage-url': { type: 'string' } } });
      const toDatabase = values['to-database-url'];
      if (!toDatabase) throw new UsageError('copy needs --to-database-url postgres://…');
      const target = loadCopyTargetConfig(toDatabase, values['to-storage-url']);
      const [{ openRuntime }, { copyInstallation }] = await Promise.all([import('./runtime.js'), import('./cli/copy.js')]);
      const report = await withRuntime(async (source) => {
        const into = await openRuntime(target);
        try {
          return await copyInstallation(source, into, (line) => process.stdout.write(`${line}\n`));
        } finally {
          await into.close();
        }
      });
      const total = Object.values(report.rows).reduce((a, b) => a + b, 0);
      process.stdout.write(`Copied ${total} rows and ${report.pdfs.copied + report.pdfs.alreadyThere} PDFs. Point DATABASE_URL and STORAGE_URL at the target and start serving.\n`);
      return;
    }
    case 'accounts': {
      if (sub === 'show' || sub === 'update') {
        const { runAccountDetailsCommand } = await import('./cli/accounts.js');
        const output = await withRuntime((r) => runAccountDetailsCommand(r.ctx, sub, rest));
        process.stdout.write(`${output}\n`);
        return;
      }
      if (sub !== 'create') throw new UsageError(`unknown accounts command "${sub ?? ''}"`);
      const { values } = parseArgs({ args: rest, options: { name: { type: 'string' }, 'time-zone': { type: 'string' }, json: { type: 'boolean' } } });
      if (!values.name) throw new UsageError('accounts create needs --name');
      const created = await withRuntime((r) => createAccount(r.ctx.db, { name: values.name ?? '', timeZone: values['time-zone'] }));
      print(
        created,
        values.json ?? false,
        `Created account ${created.account.id} "${created.account.name}" (${created.account.timeZone}).\nAPI key (shown once): ${created.apiKey}`,
      );
      return;
    }
    case 'api-keys': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { account: { type: 'string' }, scopes: { type: 'string' }, test: { type: 'boolean' }, json: { type: 'boolean' } } });
      const json = values.json ?? false;
      if (sub === 'create' || sub === 'list') {
        if (!values.account) throw new UsageError(`api-keys ${sub} needs --account <id>`);
        const accountId = values.account;
        if (sub === 'create') {
          const scopes = values.scopes === undefined ? undefined : scopesOption(values.scopes);
          const created = await withRuntime((r) => createApiKey(r.ctx.db, accountId, { test: values.test ?? false, scopes }));
          const kind = created.testAccountId ? `test API key ${created.key.id} for ${accountId} (test data in ${created.testAccountId}; emails are recorded, not sent)` : `API key ${created.key.id} for ${accountId}`;
          print(created, json, `Created ${kind}.\nScopes: ${describeScopes(created.key.scopes)}\nAPI key (shown once): ${created.apiKey}`);
        } else {
          const keys = await withRuntime((r) => listKeys(r.ctx.db, accountId));
          const line = (k: (typeof keys)[number]) => `${k.id}  ${k.prefix}  created ${k.createdAt}${k.revokedAt ? `  revoked ${k.revokedAt}` : ''}  scopes: ${describeScopes(k.scopes)}`;
          print({ data: keys }, json, keys.map(line).join('\n') || 'No API keys.');
        }
        return;
      }
      if (sub === 'revoke') {
        const keyId = positionals[0];
        if (!keyId) throw new UsageError('api-keys revoke needs a key id');
        const key = await withRuntime((r) => revokeKey(r.ctx.db, keyId));
        print(key, json, `Revoked ${key.id}.`);
        return;
      }
      throw new UsageError(`unknown api-keys command "${sub ?? ''}"`);
    }
    case 'customers':
    case 'invoices':
    case 'import': {
      // Loaded only for these commands: serve, worker and migrate start without the client and the CSV parser.
      const { runApiCommand } = await import('./cli/api-commands.js');
      return runApiCommand(command, sub, rest);
    }
    case 'webhooks': {
      const { runWebhooksCommand } = await import('./cli/webhooks.js');
      const output = await withRuntime((r) => runWebhooksCommand(r.ctx, sub, rest));
      process.stdout.write(`${output}\n`);
      return;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof AccountInputError || error instanceof UsageError || error instanceof CopyRefusedError || error instanceof WebhookCommandError) {
    process.stderr.write(`klantportaal: ${error.message}\n`);
    if (error instanceof UsageError) process.stderr.write(`\n${USAGE}\n`);
    process.exit(error instanceof ConfigError ? 78 : error instanceof CopyRefusedError ? 1 : 64);
  }
  // parseArgs reports unknown or malformed options with a code; say it in one line too.
  if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`klantportaal: ${(error as Error).message}\n`);
    process.exit(64);
  }
  process.stderr.write(`klantportaal: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
