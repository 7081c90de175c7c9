import fsp from 'node:fs/promises';
import path from 'node:path';
import { cli, startKlantportaal, type KlantportaalOptions, type Server } from './proc.js';
import { customerBody } from '../../test/helpers/customers.js';

export interface Tenant {
  accountId: string;
  apiKey: string;
}

/** A new account through the real CLI (which also migrates the database: DATA_DIR's, or env's DATABASE_URL). */
export async function createAccount(dataDir: string, env: Record<string, string> = {}, name = 'Bench Bakkerij B.V.'): Promise<Tenant> {
  const out = JSON.parse(await cli(['accounts', 'create', '--name', name, '--json'], { ...env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' })) as {
    account: { id: string };
    apiKey: string;
  };
  return { accountId: out.account.id, apiKey: out.apiKey };
}

export async function api(server: Server, apiKey: string, method: string, pathname: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${server.url}${pathname}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

export interface PreparedKlantportaal {
  server: Server;
  readyMs: number;
  tenant: Tenant;
  customerId: string;
  dataDir: string;
}

/** DATA_DIR under `root`, an account made by the CLI, `serve` started, one customer created through the API. */
export async function prepareKlantportaal(root: string, options: Omit<KlantportaalOptions, 'dataDir'> = {}): Promise<PreparedKlantportaal> {
  const dataDir = path.join(root, 'data');
  await fsp.mkdir(dataDir, { recursive: true });
  const tenant = await createAccount(dataDir, options.env);
  const { server, readyMs } = await startKlantportaal({ ...options, dataDir });
  const customer = await api(server, tenant.apiKey, 'POST', '/v1/customers', customerBody('jansen', { companyName: 'Jansen Installatietechniek', primaryEmail: 'administratie@jansen.example' }));
  if (customer.status !== 201) throw new Error(`creating a customer answered ${customer.status}: ${JSON.stringify(customer.json)}`);
  return { server, readyMs, tenant, customerId: customer.json.id as string, dataDir };
}
