import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createAccount } from '../../src/accounts/account.service.js';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Clock } from '../../src/lib/clock.js';
import { openRuntime, type Runtime } from '../../src/runtime.js';
import { startWorkers } from '../../src/workers.js';
import { contractChecker } from './contract.js';
import { customerBody } from './customers.js';
import { createTestDatabase } from './database.js';

/** A fresh temp directory for one test file's data; removed by `cleanup`. */
export async function tempDir(label = 'kp-test-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), label));
}

/** A data directory and a database of this run's dialect, for servers and CLI runs that share them. */
export interface TestData {
  dir: string;
  /** DATA_DIR, and DATABASE_URL on PostgreSQL. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

export async function createTestData(label = 'kp-test-'): Promise<TestData> {
  const dir = await tempDir(label);
  const database = await createTestDatabase();
  return {
    dir,
    env: { DATA_DIR: dir, ...database.env },
    async cleanup() {
      await fs.rm(dir, { recursive: true, force: true });
      await database.drop();
    },
  };
}

export interface TestServer {
  url: string;
  app: FastifyInstance;
  runtime: Runtime;
  config: Config;
  dataDir: string;
  /** DATA_DIR and DATABASE_URL of this server: what a restart on the same data needs. */
  dataEnv: Record<string, string>;
  /** Every route the app registered (method and URL pattern, HEAD included), portal and hidden ones too, with its scope. */
  routes: { method: string; url: string; scope?: string }[];
  /** A new account with its API key. */
  account(name?: string, timeZone?: string): Promise<TestAccount>;
  close(): Promise<void>;
}

export interface TestAccount {
  id: string;
  apiKey: string;
  /** fetch against the server with this account's key. */
  request(pathname: string, init?: RequestInit): Promise<Response>;
  json(method: string, pathname: string, body?: unknown): Promise<Response>;
  createCustomer(fields?: Record<string, unknown>): Promise<{ id: string } & Record<string, unknown>>;
  createInvoice(fields: Record<string, string>, pdf?: Uint8Array | null): Promise<Response>;
  /** The two-step download: the invoice's cloud-file link from the API, then the link itself without the key. */
  downloadPdf(invoiceId: string): Promise<Response>;
}

/** Quiet logs for the outbox worker in tests; errors still reach stderr when a test asks for them. */
const silentLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The real app on a real socket over a real SQLite file in a temp dir: what tests talk to.
 * `env` overrides configuration the way the environment would. With `worker: true` the email and webhook
 * workers run beside it, as under `serve`. `clock` replaces the system clock where the app takes it from its
 * context (download links expire by it; see helpers/clock.ts).
 */
export async function startTestServer(env: Record<string, string> = {}, options: { worker?: boolean; clock?: Clock } = {}): Promise<TestServer> {
  // A given DATA_DIR outlives the server (restart tests); a temp one is removed on close.
  const ownDir = env.DATA_DIR === undefined;
  const dataDir = env.DATA_DIR ?? (await tempDir());
  // A given DATABASE_URL is kept too; otherwise a fresh database of this run's dialect, dropped on close.
  const database = env.DATABASE_URL === undefined ? await createTestDatabase() : null;
  // No rate limit unless a test asks for one: several tests drive one key far past 600 requests a minute.
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', ...database?.env, ...env });
  const runtime = await openRuntime(config, options.clock ? { clock: options.clock } : {});
  const contract = contractChecker();
  // Registered at the root before any route, so it hears of every route (the BOLA matrix checks it knows them all).
  const routes: { method: string; url: string; scope?: string }[] = [];
  const routeList = fp(async (root: FastifyInstance) => {
    root.addHook('onRoute', (route) => {
      const scope = route.config?.scope;
      for (const method of [route.method].flat()) routes.push({ method, url: route.url, ...(scope ? { scope } : {}) });
    });
  });
  const app = await buildApp(runtime.ctx, { databaseReady: runtime.databaseReady, logger: false, extensions: [contract.plugin, routeList] });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  assert(address && typeof address === 'object');
  const url = `http://127.0.0.1:${address.port}`;
  // Links in responses are built from PUBLIC_BASE_URL; point it at this server so tests can follow them.
  runtime.ctx.config.publicBaseUrl = env.PUBLIC_BASE_URL ?? url;
  const workers = options.worker ? startWorkers(runtime.ctx.db, runtime.ctx.config, silentLog) : null;

  const server: TestServer = {
    url,
    app,
    runtime,
    config,
    dataDir,
    routes,
    dataEnv: { DATA_DIR: dataDir, ...(config.database.kind === 'postgres' ? { DATABASE_URL: config.database.url } : {}) },
    async account(name = 'Bakkerij de Vries', timeZone?: string) {
      const { account, apiKey } = await createAccount(runtime.ctx.db, { name, timeZone });
      return accountClient(url, account.id, apiKey);
    },
    async close() {
      // Tests are over: do not wait for keep-alive connections to time out.
      const closing = app.close();
      app.server.closeAllConnections();
      await Promise.all([closing, workers?.stop()]);
      await runtime.close();
      if (ownDir) await fs.rm(dataDir, { recursive: true, force: true });
      await database?.drop();
      assert.deepEqual(contract.violations, [], `responses that break the OpenAPI document (${contract.checked()} checked)`);
    },
  };
  return server;
}

export function accountClient(url: string, id: string, apiKey: string): TestAccount {
  const request = (pathname: string, init: RequestInit = {}) =>
    fetch(url + pathname, { ...init, headers: { authorization: `Bearer ${apiKey}`, ...(init.headers as Record<string, string>) } });
  const json = (method: string, pathname: string, body?: unknown) =>
    request(pathname, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
  let customers = 0;
  return {
    id,
    apiKey,
    request,
    json,
    async createCustomer(fields = {}) {
      customers += 1;
      const res = await json('POST', '/v1/customers', customerBody(customers, fields));
      assert.equal(res.status, 201, await res.clone().text());
      return (await res.json()) as { id: string } & Record<string, unknown>;
    },
    createInvoice(fields, pdf = samplePdf()) {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      if (pdf) form.append('pdf', new Blob([pdf], { type: 'application/pdf' }), 'invoice.pdf');
      return request('/v1/customer-invoices', { method: 'POST', body: form });
    },
    async downloadPdf(invoiceId) {
      const res = await request(`/v1/customer-invoices/${invoiceId}/pdf`);
      assert.equal(res.status, 200, await res.clone().text());
      return fetch(((await res.json()) as { link: string }).link);
    },
  };
}

/** A small PDF whose bytes differ per call unless a seed is given. */
export function samplePdf(seed: string = Math.random().toString(36), size = 2048): Uint8Array {
  const head = Buffer.from(`%PDF-1.4\n% ${seed}\n`, 'latin1');
  const body = Buffer.alloc(Math.max(0, size - head.length), 0x41);
  return new Uint8Array(Buffer.concat([head, body]));
}

/** Fields that make a valid create request, for one customer; override what a test is about. */
export function validInvoice(customerId: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    customerId,
    invoiceNumber: `F-${Math.random().toString(36).slice(2, 10)}`,
    issuedAt: '2024-04-30',
    amount: '12.95',
    ...overrides,
  };
}

/** Files in the PDF store, temp files included. */
export async function storedFiles(server: TestServer): Promise<string[]> {
  return (await fs.readdir(path.join(server.dataDir, 'pdfs'))).sort();
}

export async function invoiceCount(server: TestServer): Promise<number> {
  const row = await server.runtime.ctx.db
    .selectFrom('customer_invoices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
