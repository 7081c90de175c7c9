import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LOGO_MAX_BYTES } from '../../src/accounts/account-details.service.js';
import { isValidIban } from '../../src/accounts/account.rules.js';
import { createApiKey, missingInvoiceDetails } from '../../src/accounts/account.service.js';
import { runCli } from '../helpers/cli.js';
import { expectProblem } from '../helpers/problem.js';
import { accountClient, createTestData, samplePdf, startTestServer, type TestAccount, type TestData, type TestServer } from '../helpers/server.js';

interface AccountBody {
  id: string;
  name: string;
  address: string | null;
  zipCode: string | null;
  city: string | null;
  countryCode: string;
  kvkNumber: string | null;
  vatNumber: string | null;
  iban: string | null;
  bic: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  brandColor: string | null;
  paymentTermDays: number;
  invoiceFooter: string | null;
  timeZone: string;
  mode: 'live' | 'test';
  logo: { href: string; type: string } | null;
  createdAt: string;
  links: { self: { href: string; type: string } };
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

const VALID = {
  name: 'Bakkerij de Vries B.V.',
  address: 'Dorpsstraat 1',
  zipCode: '1234 AB',
  city: 'Amsterdam',
  countryCode: 'NL',
  kvkNumber: '12345678',
  vatNumber: 'NL123456789B01',
  iban: 'NL91ABNA0417164300',
  bic: 'ABNANL2A',
  email: 'info@bakkerijdevries.nl',
  phone: '+31201234567',
  website: 'https://bakkerijdevries.nl',
  brandColor: '#1a73e8',
  paymentTermDays: 14,
  invoiceFooter: 'Wij danken u voor uw bestelling.',
  timeZone: 'Europe/Amsterdam',
};

const get = async (account: TestAccount): Promise<AccountBody> => {
  const res = await account.request('/v1/account');
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as AccountBody;
};
const patch = (account: TestAccount, body: unknown) => account.json('PATCH', '/v1/account', body);
const putLogo = (account: TestAccount, bytes: Uint8Array, type: string) =>
  account.request('/v1/account/logo', { method: 'PUT', body: bytes, headers: { 'content-type': type } });

describe('the business’s details: GET/PATCH /v1/account', () => {
  let server: TestServer;
  let a: TestAccount;
  let b: TestAccount;
  before(async () => {
    server = await startTestServer();
    a = await server.account('Bakkerij A');
    b = await server.account('Slagerij B', 'America/New_York');
  });
  after(() => server.close());

  it('GET shows every field, empty details as null, the country NL and a 30-day term to start with', async () => {
    const account = await get(a);
    assert.deepEqual(Object.keys(account).sort(), [
      'address', 'bic', 'brandColor', 'city', 'countryCode', 'createdAt', 'email', 'iban', 'id', 'invoiceFooter', 'kvkNumber', 'links', 'logo',
      'mode', 'name', 'paymentTermDays', 'phone', 'timeZone', 'vatNumber', 'website', 'zipCode',
    ].sort());
    assert.equal(account.id, a.id);
    assert.equal(account.name, 'Bakkerij A');
    assert.equal(account.countryCode, 'NL');
    assert.equal(account.paymentTermDays, 30);
    assert.equal(account.timeZone, 'Europe/Amsterdam');
    assert.equal(account.mode, 'live');
    assert.equal(account.logo, null);
    for (const field of ['address', 'zipCode', 'city', 'kvkNumber', 'vatNumber', 'iban', 'bic', 'email', 'phone', 'website', 'brandColor', 'invoiceFooter'] as const) assert.equal(account[field], null, field);
    assert.match(account.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    assert.deepEqual(account.links.self, { href: `${server.url}/v1/account`, type: 'application/json' });
  });

  it('PATCH changes every field, normalising IBAN, VAT number, BIC and colour', async () => {
    const res = await patch(a, { ...VALID, iban: 'nl91 abna 0417 1643 00', vatNumber: 'nl 1234.56789 b01', bic: 'abnanl2a', brandColor: '#1A73E8' });
    assert.equal(res.status, 200, await res.clone().text());
    const account = (await res.json()) as AccountBody;
    assert.deepEqual({ ...account, id: undefined, createdAt: undefined, links: undefined, logo: undefined, mode: undefined }, { ...VALID, id: undefined, createdAt: undefined, links: undefined, logo: undefined, mode: undefined });
    assert.deepEqual(await get(a), account, 'GET shows what PATCH answered');
    // One field at a time leaves the others alone.
    const one = (await (await patch(a, { paymentTermDays: 0 })).json()) as AccountBody;
    assert.equal(one.paymentTermDays, 0);
    assert.equal(one.iban, VALID.iban);
    const zone = (await (await patch(a, { timeZone: 'America/New_York', countryCode: 'BE', iban: 'DE89 3704 0044 0532 0130 00', bic: 'DEUTDEFF500' })).json()) as AccountBody;
    assert.match(zone.createdAt, /-0[45]:00$/, 'timestamps follow the new zone');
    assert.equal(zone.iban, 'DE89370400440532013000');
    assert.equal(zone.bic, 'DEUTDEFF500');
    assert.equal((await (await patch(a, { timeZone: 'Europe/Amsterdam', countryCode: 'NL', iban: VALID.iban, bic: VALID.bic, paymentTermDays: 14 })).json() as AccountBody).paymentTermDays, 14);
  });

  it('null clears an optional field; required ones cannot be cleared', async () => {
    const cleared = (await (await patch(a, { phone: null, website: null, invoiceFooter: null, brandColor: null })).json()) as AccountBody;
    assert.equal(cleared.phone, null);
    assert.equal(cleared.website, null);
    assert.equal(cleared.invoiceFooter, null);
    assert.equal(cleared.brandColor, null);
    assert.equal(cleared.kvkNumber, VALID.kvkNumber, 'untouched');
    const problem = await expectProblem(await patch(a, { name: null, timeZone: null, paymentTermDays: null, countryCode: null }), 422);
    assert.deepEqual(problem.errors?.map((e) => e.field).sort(), ['countryCode', 'name', 'paymentTermDays', 'timeZone']);
    await patch(a, { phone: VALID.phone, website: VALID.website, invoiceFooter: VALID.invoiceFooter, brandColor: VALID.brandColor });
  });

  it('every bad value is named at once, with a message per field, and nothing changes', async () => {
    const before = await get(a);
    const bad = {
      name: '   ',
      kvkNumber: '1234567',
      vatNumber: 'NL123456789X01',
      iban: 'NL92ABNA0417164300',
      bic: 'ABN',
      email: 'not-an-address',
      website: 'ftp://bakkerij.nl',
      brandColor: '#12345',
      paymentTermDays: 400,
      timeZone: 'Europe/Atlantis',
      countryCode: 'XX',
      zipCode: 'x'.repeat(21),
      invoiceFooter: 'x'.repeat(1001),
    };
    const problem = await expectProblem(await patch(a, bad), 422);
    const messages = Object.fromEntries((problem.errors ?? []).map((e) => [e.field, e.message]));
    assert.deepEqual(Object.keys(messages).sort(), Object.keys(bad).sort());
    assert.match(messages.kvkNumber ?? '', /8 digits/);
    assert.match(messages.vatNumber ?? '', /NL123456789B01/);
    assert.match(messages.iban ?? '', /checksum/);
    assert.match(messages.website ?? '', /https?/);
    assert.match(messages.brandColor ?? '', /#rrggbb/);
    assert.match(messages.paymentTermDays ?? '', /0 to 365/);
    assert.match(messages.timeZone ?? '', /IANA/);
    assert.match(messages.countryCode ?? '', /ISO 3166-1/);
    assert.deepEqual(await get(a), before, 'nothing changed');
    // Each alone, too.
    for (const [field, value] of [['iban', 'NL91ABNA0417164301'], ['vatNumber', 'BE0123456789'], ['kvkNumber', '123456789'], ['paymentTermDays', 1.5], ['paymentTermDays', -1], ['paymentTermDays', '14'], ['website', 'bakkerij.nl'], ['website', 'javascript:alert(1)'], ['email', 42]] as const) {
      const one = await expectProblem(await patch(a, { [field]: value }), 422);
      assert.deepEqual(one.errors?.map((e) => e.field), [field], `${field} = ${String(value)}`);
    }
    assert.deepEqual(await get(a), before, 'nothing changed');
  });

  it('unknown and read-only fields are 422, alongside the bad values; an empty body too', async () => {
    const problem = await expectProblem(await patch(a, { mollieApiKey: 'live_abc', id: 'acc_x', createdAt: '2024-01-01', logo: null, kvkNumber: '1' }), 422);
    assert.deepEqual(problem.errors?.map((e) => e.field).sort(), ['createdAt', 'id', 'kvkNumber', 'logo', 'mollieApiKey']);
    await expectProblem(await patch(a, {}), 422);
    await expectProblem(await patch(a, [VALID]), 422);
    await expectProblem(await a.request('/v1/account', { method: 'PATCH', body: '{"name": ', headers: { 'content-type': 'application/json' } }), 400);
    await expectProblem(await a.request('/v1/account', { method: 'PATCH', body: PNG, headers: { 'content-type': 'image/png' } }), 415);
  });

  it('each key sees and changes only its own account; a test key has the twin’s own copy', async () => {
    const mine = await get(a);
    const res = await patch(b, { kvkNumber: '87654321', name: 'Slagerij B B.V.' });
    assert.equal(res.status, 200);
    const theirs = (await res.json()) as AccountBody;
    assert.equal(theirs.id, b.id);
    assert.equal(theirs.timeZone, 'America/New_York');
    assert.deepEqual(await get(a), mine, 'A is untouched');
    assert.equal((await get(b)).kvkNumber, '87654321');

    const { apiKey, testAccountId } = await createApiKey(server.runtime.ctx.db, a.id, { test: true });
    const test = accountClient(server.url, testAccountId ?? '', apiKey);
    const twin = await get(test);
    assert.equal(twin.id, testAccountId);
    assert.equal(twin.mode, 'test');
    assert.equal(twin.kvkNumber, null, 'the twin has its own details');
    assert.equal((await patch(test, { kvkNumber: '11112222' })).status, 200);
    assert.equal((await get(a)).kvkNumber, VALID.kvkNumber, 'the live account is untouched');
  });

  it('scopes: account.read reads, account.write changes', async () => {
    const { apiKey } = await createApiKey(server.runtime.ctx.db, b.id, { scopes: ['account.read'] });
    const reader = accountClient(server.url, b.id, apiKey);
    assert.equal((await reader.request('/v1/account')).status, 200);
    await expectProblem(await patch(reader, { name: 'X' }), 403);
    await expectProblem(await putLogo(reader, PNG, 'image/png'), 403);
    await expectProblem(await reader.request('/v1/account/logo', { method: 'DELETE' }), 403);
  });
});

describe('the logo: PUT/GET/DELETE /v1/account/logo', () => {
  let server: TestServer;
  let a: TestAccount;
  let b: TestAccount;
  before(async () => {
    server = await startTestServer();
    a = await server.account('Logo A');
    b = await server.account('Logo B');
  });
  after(() => server.close());

  const logoOf = async (account: TestAccount) => {
    const res = await account.request('/v1/account/logo');
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it('takes a PNG, shows its link, serves the bytes with safe headers', async () => {
    const res = await putLogo(a, PNG, 'image/png');
    assert.equal(res.status, 200, await res.clone().text());
    const account = (await res.json()) as AccountBody;
    assert.deepEqual(account.logo, { href: `${server.url}/v1/account/logo`, type: 'image/png' });
    const { res: served, bytes } = await logoOf(a);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/png');
    assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(served.headers.get('cache-control'), 'private, no-store');
    assert.match(served.headers.get('etag') ?? '', /^"[0-9a-f]{64}"$/);
    assert.deepEqual(bytes, PNG);
  });

  it('takes a JPEG in its place', async () => {
    const res = await putLogo(a, JPEG, 'image/jpeg');
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(((await res.json()) as AccountBody).logo?.type, 'image/jpeg');
    const { res: served, bytes } = await logoOf(a);
    assert.equal(served.headers.get('content-type'), 'image/jpeg');
    assert.deepEqual(bytes, JPEG);
  });

  it('a PNG declared as JPEG is stored and served as what its bytes are', async () => {
    const res = await putLogo(a, PNG, 'image/jpeg');
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as AccountBody).logo?.type, 'image/png');
    assert.equal((await logoOf(a)).res.headers.get('content-type'), 'image/png');
  });

  it('refuses a PDF, a GIF, text and an empty body (422 or 415), and more than 1 MiB (413); the logo stays', async () => {
    for (const [bytes, type] of [[samplePdf('logo'), 'image/png'], [GIF, 'image/png'], [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/jpeg'], [Buffer.alloc(0), 'image/png']] as const) {
      const problem = await expectProblem(await putLogo(a, bytes, type), 422);
      assert.deepEqual(problem.errors?.map((e) => e.field), ['logo']);
    }
    for (const type of ['image/gif', 'text/plain', 'application/pdf', 'application/json', 'image/svg+xml']) await expectProblem(await putLogo(a, PNG, type), 415);
    const form = new FormData();
    form.append('logo', new Blob([PNG], { type: 'image/png' }), 'logo.png');
    await expectProblem(await a.request('/v1/account/logo', { method: 'PUT', body: form }), 415);
    const big = Buffer.concat([PNG, Buffer.alloc(LOGO_MAX_BYTES + 1 - PNG.length)]);
    await expectProblem(await putLogo(a, big, 'image/png'), 413);
    const { res, bytes } = await logoOf(a);
    assert.equal(res.headers.get('content-type'), 'image/png');
    assert.deepEqual(bytes, PNG, 'the earlier logo is still there');
    // Exactly 1 MiB is allowed.
    const atLimit = Buffer.concat([PNG, Buffer.alloc(LOGO_MAX_BYTES - PNG.length)]);
    assert.equal((await putLogo(a, atLimit, 'image/png')).status, 200);
    assert.equal((await logoOf(a)).bytes.length, LOGO_MAX_BYTES);
    assert.equal((await putLogo(a, PNG, 'image/png')).status, 200);
  });

  it('another account never sees or removes this logo', async () => {
    await expectProblem(await b.request('/v1/account/logo'), 404);
    assert.equal((await get(b)).logo, null);
    assert.equal((await b.request('/v1/account/logo', { method: 'DELETE' })).status, 204);
    assert.deepEqual((await logoOf(a)).bytes, PNG);
  });

  it('DELETE removes it (and is 204 again when there is none)', async () => {
    assert.equal((await a.request('/v1/account/logo', { method: 'DELETE' })).status, 204);
    assert.equal((await get(a)).logo, null);
    await expectProblem(await a.request('/v1/account/logo'), 404);
    assert.equal((await a.request('/v1/account/logo', { method: 'DELETE' })).status, 204);
  });
});

describe('missingInvoiceDetails and the IBAN checksum', () => {
  const full = { name: 'B.V.', address: 'Straat 1', zipCode: '1234 AB', city: 'Ede', kvkNumber: '12345678', vatNumber: 'NL123456789B01' };
  it('names what a Dutch invoice needs and the account lacks, in a fixed order', () => {
    assert.deepEqual(missingInvoiceDetails(full), []);
    assert.deepEqual(missingInvoiceDetails({ ...full, address: null, zipCode: null, city: null, kvkNumber: null, vatNumber: null }), ['address', 'zipCode', 'city', 'kvkNumber', 'vatNumber']);
    assert.deepEqual(missingInvoiceDetails({ ...full, vatNumber: ' ', kvkNumber: null }), ['kvkNumber', 'vatNumber']);
    assert.deepEqual(missingInvoiceDetails({ ...full, name: '' }), ['name']);
  });
  it('checks ISO 13616 mod 97', () => {
    for (const iban of ['NL91ABNA0417164300', 'nl91 abna 0417 1643 00', 'DE89370400440532013000', 'GB82WEST12345698765432', 'BE68539007547034']) assert.ok(isValidIban(iban), iban);
    for (const iban of ['NL92ABNA0417164300', 'NL91ABNA041716430', 'XX91ABNA0417164300', 'NL91ABNA04171643000000000000000000000', '']) assert.ok(!isValidIban(iban), iban);
  });
});

describe('klantportaal accounts show | update', () => {
  let data: TestData;
  let env: Record<string, string>;
  let accountId: string;
  before(async () => {
    data = await createTestData('kp-cli-account-');
    env = { ...data.env, LOG_LEVEL: 'silent' };
    const created = await runCli(['accounts', 'create', '--name', 'Kapsalon C', '--json'], env);
    assert.equal(created.code, 0, created.stderr);
    accountId = (JSON.parse(created.stdout) as { account: { id: string } }).account.id;
  });
  after(() => data.cleanup());

  it('updates fields in kebab case (and the logo), shows them, "" clears one', async () => {
    const logo = path.join(data.dir, 'logo.png');
    await fs.writeFile(logo, PNG);
    const run = await runCli(['accounts', 'update', '--account', accountId, '--kvk-number', '12345678', '--vat-number', 'NL123456789B01', '--iban', 'NL91 ABNA 0417 1643 00', '--payment-term-days', '21', '--brand-color', '#00AA00', '--phone', '+3120', '--logo', logo, '--json'], env);
    assert.equal(run.code, 0, run.stderr);
    const account = JSON.parse(run.stdout) as AccountBody;
    assert.equal(account.kvkNumber, '12345678');
    assert.equal(account.iban, 'NL91ABNA0417164300');
    assert.equal(account.paymentTermDays, 21);
    assert.equal(account.brandColor, '#00aa00');
    assert.equal(account.logo?.type, 'image/png');
    const cleared = await runCli(['accounts', 'update', '--account', accountId, '--phone', '', '--json'], env);
    assert.equal(cleared.code, 0, cleared.stderr);
    assert.equal((JSON.parse(cleared.stdout) as AccountBody).phone, null);
    const shown = await runCli(['accounts', 'show', '--account', accountId], env);
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, /KvK number\s+12345678/);
    assert.match(shown.stdout, /payment term\s+21 days/);
    assert.match(shown.stdout, /logo\s+image\/png/);
  });

  it('a bad value exits 64 naming the option, every one at once, and changes nothing', async () => {
    const before = (await runCli(['accounts', 'show', '--account', accountId, '--json'], env)).stdout;
    const run = await runCli(['accounts', 'update', '--account', accountId, '--kvk-number', '1234567', '--iban', 'NL92ABNA0417164300', '--payment-term-days', '400', '--name', 'Nieuw'], env);
    assert.equal(run.code, 64, JSON.stringify(run));
    assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
    assert.match(run.stderr, /--kvk-number must be a KvK number of 8 digits/);
    assert.match(run.stderr, /--iban must be an IBAN with a valid checksum/);
    assert.match(run.stderr, /--payment-term-days must be a whole number of days from 0 to 365/);
    const gif = path.join(data.dir, 'logo.gif');
    await fs.writeFile(gif, GIF);
    const badLogo = await runCli(['accounts', 'update', '--account', accountId, '--logo', gif, '--name', 'Nieuw'], env);
    assert.equal(badLogo.code, 64, JSON.stringify(badLogo));
    assert.match(badLogo.stderr, /--logo must be a PNG or JPEG image/);
    assert.equal((await runCli(['accounts', 'show', '--account', accountId, '--json'], env)).stdout, before, 'nothing changed');
    const unknown = await runCli(['accounts', 'update', '--account', 'acc_aaaaaaaaaaaaaa', '--city', 'Ede'], env);
    assert.equal(unknown.code, 64);
    assert.match(unknown.stderr, /acc_aaaaaaaaaaaaaa does not exist/);
    const nothing = await runCli(['accounts', 'update', '--account', accountId], env);
    assert.equal(nothing.code, 64);
    const wrongOption = await runCli(['accounts', 'update', '--account', accountId, '--mollie-key', 'x'], env);
    assert.equal(wrongOption.code, 64);
  });
});
