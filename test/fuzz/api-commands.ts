import assert from 'node:assert/strict';
import {
  answer,
  compareList,
  customerView,
  expectProblemFields,
  expectStatus,
  invoiceView,
  newestFirst,
  recordOrder,
  walkList,
  type AccountModel,
  type ApiCommand,
  type Model,
  type ModelCustomer,
  type ModelInvoice,
  type Real,
} from './api-model.js';
import { customerBody } from '../helpers/customers.js';

/** The commands of RELIABILITY.md F3, each one request (or one walk through a list) checked against the model. */

export const ACCOUNTS = 3;

/** The item at an index taken modulo the count: commands pick among whatever the account holds when they run. */
const nth = <T>(items: T[], index: number): T => items[index % items.length] as T;

function form(fields: Record<string, string>, pdf: Uint8Array): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append('pdf', new Blob([pdf], { type: 'application/pdf' }), 'factuur.pdf');
  return body;
}

function hasInvoices(m: AccountModel, customerId: string): boolean {
  return [...m.invoices.values()].some((i) => i.customerId === customerId);
}

abstract class Command implements ApiCommand {
  abstract check(m: Readonly<Model>): boolean;
  abstract step(m: Model, r: Real): Promise<void>;
  abstract toString(): string;
  async run(m: Model, r: Real): Promise<void> {
    r.stats.commands += 1;
    await this.step(m, r);
  }
}

export class CreateCustomer extends Command {
  constructor(readonly a: number, readonly fields: { companyName: string; primaryEmail: string; locale?: 'nl' | 'en'; integrationId?: string | null }) {
    super();
  }
  check() {
    return true;
  }
  async step(m: Model, r: Real) {
    const model = m.accounts[this.a] as AccountModel;
    const integrationId = typeof this.fields.integrationId === 'string' ? this.fields.integrationId.trim() : null;
    const res = await r.clients[this.a]!.json('POST', '/v1/customers', customerBody(this.a, this.fields));
    if (integrationId !== null && [...model.customers.values()].some((c) => c.integrationId === integrationId)) {
      return expectProblemFields(r, res, 409, ['integrationId'], this.toString());
    }
    const body = await expectStatus(r, res, 201, this.toString());
    const customer: ModelCustomer = {
      id: String(body.id),
      companyName: this.fields.companyName.trim(),
      primaryEmail: this.fields.primaryEmail,
      locale: this.fields.locale ?? 'nl',
      integrationId,
    };
    assert.deepEqual(customerView(body), customer, this.toString());
    model.customers.set(customer.id, customer);
    r.owner.set(customer.id, this.a);
    await recordOrder(r, model, 'customers', customer.id);
  }
  toString() {
    return `CreateCustomer(${this.a}, ${JSON.stringify(this.fields)})`;
  }
}

export interface InvoiceInput {
  customer: number;
  number: { sent: string; stored: string };
  issuedAt: string;
  amount: { sent: string; shown: string };
  paidAt: [string, string] | null;
  pdf: Uint8Array;
  withKey: boolean;
}

export class CreateInvoice extends Command {
  constructor(readonly a: number, readonly input: InvoiceInput) {
    super();
  }
  check(m: Readonly<Model>) {
    return (m.accounts[this.a] as AccountModel).customers.size > 0;
  }
  async step(m: Model, r: Real) {
    const model = m.accounts[this.a] as AccountModel;
    const { input } = this;
    const customerId = nth([...model.customers.keys()], input.customer);
    const fields: Record<string, string> = { customerId, invoiceNumber: input.number.sent, issuedAt: input.issuedAt, amount: input.amount.sent };
    if (input.paidAt) fields.paidAt = input.paidAt[0];
    const key = input.withKey ? `key-${++r.keyCounter}` : null;
    const res = await r.clients[this.a]!.request('/v1/customer-invoices', { method: 'POST', body: form(fields, input.pdf), headers: key ? { 'idempotency-key': key } : {} });
    if ([...model.invoices.values()].some((i) => i.invoiceNumber === input.number.stored)) {
      return expectProblemFields(r, res, 409, ['invoiceNumber'], this.toString());
    }
    const body = await expectStatus(r, res, 201, this.toString());
    const invoice: ModelInvoice = {
      id: String(body.id),
      customerId,
      invoiceNumber: input.number.stored,
      issuedAt: input.issuedAt,
      currency: 'EUR',
      amount: input.amount.shown,
      paidAt: input.paidAt ? input.paidAt[1] : null,
    };
    assert.deepEqual(invoiceView(body), invoice, this.toString());
    model.invoices.set(invoice.id, invoice);
    r.owner.set(invoice.id, this.a);
    await recordOrder(r, model, 'customer_invoices', invoice.id);
    if (key) model.keys.set(key, { fields, pdf: input.pdf, status: 201, body, location: res.headers.get('location') });
  }
  toString() {
    return `CreateInvoice(${this.a}, ${JSON.stringify({ ...this.input, pdf: `${this.input.pdf.length} bytes` })})`;
  }
}

/** The same request under a used key replays the first response; a different one under it is 422. Nothing is created. */
export class ReuseKey extends Command {
  constructor(readonly a: number, readonly key: number, readonly same: boolean) {
    super();
  }
  check(m: Readonly<Model>) {
    return (m.accounts[this.a] as AccountModel).keys.size > 0;
  }
  async step(m: Model, r: Real) {
    const model = m.accounts[this.a] as AccountModel;
    const [key, first] = nth([...model.keys.entries()], this.key);
    const fields = this.same ? first.fields : { ...first.fields, amount: first.fields.amount === '1.00' ? '2.00' : '1.00' };
    const res = await r.clients[this.a]!.request('/v1/customer-invoices', { method: 'POST', body: form(fields, first.pdf), headers: { 'idempotency-key': key } });
    if (!this.same) return expectProblemFields(r, res, 422, ['Idempotency-Key'], this.toString());
    const body = await expectStatus(r, res, first.status, this.toString());
    assert.equal(res.headers.get('idempotent-replayed'), 'true', this.toString());
    assert.equal(res.headers.get('location'), first.location, this.toString());
    assert.deepEqual(body, first.body, this.toString());
    r.stats.replays += 1;
  }
  toString() {
    return `ReuseKey(${this.a}, #${this.key}, ${this.same ? 'same request' : 'changed amount'})`;
  }
}

export class PatchPaidAt extends Command {
  constructor(readonly a: number, readonly invoice: number, readonly paidAt: [string, string] | null, readonly emptyString: boolean) {
    super();
  }
  check(m: Readonly<Model>) {
    return (m.accounts[this.a] as AccountModel).invoices.size > 0;
  }
  async step(m: Model, r: Real) {
    const model = m.accounts[this.a] as AccountModel;
    const invoice = nth([...model.invoices.values()], this.invoice);
    const sent = this.paidAt ? this.paidAt[0] : this.emptyString ? '' : null;
    const body = await expectStatus(r, await r.clients[this.a]!.json('PATCH', `/v1/customer-invoices/${invoice.id}`, { paidAt: sent }), 200, this.toString());
    invoice.paidAt = this.paidAt ? this.paidAt[1] : null;
    assert.deepEqual(invoiceView(body), invoice, this.toString());
  }
  toString() {
    return `PatchPaidAt(${this.a}, #${this.invoice}, ${JSON.stringify(this.paidAt?.[0] ?? (this.emptyString ? '' : null))})`;
  }
}

export class DeleteInvoice extends Command {
  constructor(readonly a: number, readonly invoice: number) {
    super();
  }
  check(m: Readonly<Model>) {
    return (m.accounts[this.a] as AccountModel).invoices.size > 0;
  }
  async step(m: Model, r: Real) {
    const model = m.accounts[this.a] as AccountModel;
    const { id } = nth([...model.invoices.values()], this.invoice);
    await expectStatus(r, await r.clients[this.a]!.request(`/v1/customer-invoices/${id}`, { method: 'DELETE' }), 204, this.toString());
    model.invoices.delete(id);
    model.gone.invoices.push(id);
  }
  toString() {
    return `DeleteInvoice(${this.a}, #${this.invoice})`;
  }
}

export class DeleteCustomer extends Command {
  constructor(readonly a: number, readonly customer: number) {
    super();
  }
  check(m: Readonly<Model>) {
    return (m.accounts[this.a] as AccountModel).customers.size > 0;
  }
  async step(m: Model, r: Real) {
    const model = m.accounts[this.a] as AccountModel;
    const { id } = nth([...model.customers.values()], this.customer);
    const res = await r.clients[this.a]!.request(`/v1/customers/${id}`, { method: 'DELETE' });
    if (hasInvoices(model, id)) return expectProblemFields(r, res, 409, ['id'], this.toString());
    await expectStatus(r, res, 204, this.toString());
    model.customers.delete(id);
    model.gone.customers.push(id);
  }
  toString() {
    return `DeleteCustomer(${this.a}, #${this.customer})`;
  }
}

export class ListCustomers extends Command {
  constructor(readonly a: number, readonly filter: 'none' | 'integrationId' | 'primaryEmail', readonly target: number, readonly limit: number | null) {
    super();
  }
  check() {
    return true;
  }
  async step(m: Model, r: Real) {
    const model = m.accounts[this.a] as AccountModel;
    const params = new URLSearchParams();
    if (this.limit !== null) params.set('per_page', String(this.limit));
    let keep = (_: ModelCustomer) => true;
    const all = [...model.customers.values()];
    if (this.filter !== 'none') {
      // A value some customer has (when there is one), else one nobody has.
      const values = all.map((c) => c[this.filter as 'integrationId' | 'primaryEmail']).filter((v): v is string => v !== null);
      const value = values.length > 0 ? nth(values, this.target) : this.filter === 'primaryEmail' ? 'nobody@example.com' : 'NOBODY';
      params.set(this.filter, value);
      keep = (c) => c[this.filter as 'integrationId' | 'primaryEmail'] === value;
    }
    const actual = await walkList(r, r.clients[this.a]!, `/v1/customers?${params.toString()}`, this.limit ?? 15);
    compareList(r, this.a, actual, newestFirst(model, all.filter(keep)), customerView, this.toString());
  }
  toString() {
    return `ListCustomers(${this.a}, ${this.filter} #${this.target}, per_page ${String(this.limit)})`;
  }
}

export interface InvoiceFilter {
  customer?: number;
  goneCustomer?: boolean;
  paid?: boolean;
  from?: string;
  to?: string;
  number?: number;
  limit?: number;
}

export class ListInvoices extends Command {
  constructor(readonly a: number, readonly filter: InvoiceFilter) {
    super();
  }
  check() {
    return true;
  }
  async step(m: Model, r: Real) {
    const model = m.accounts[this.a] as AccountModel;
    const f = this.filter;
    const params = new URLSearchParams();
    if (f.limit !== undefined) params.set('per_page', String(f.limit));
    const all = [...model.invoices.values()];
    let customerId: string | undefined;
    if (f.customer !== undefined) {
      const candidates = f.goneCustomer ? model.gone.customers : [...model.customers.keys()];
      customerId = candidates.length > 0 ? nth(candidates, f.customer) : 'cst_00000000000000';
      params.set('customerId', customerId);
    }
    if (f.paid !== undefined) params.set('paid', String(f.paid));
    const [from, to] = f.from !== undefined && f.to !== undefined && f.from > f.to ? [f.to, f.from] : [f.from, f.to];
    if (from !== undefined) params.set('issuedFrom', from);
    if (to !== undefined) params.set('issuedTo', to);
    let number: string | undefined;
    if (f.number !== undefined) {
      number = all.length > 0 ? nth(all, f.number).invoiceNumber : 'none';
      params.set('invoiceNumber', number);
    }
    const expected = all.filter(
      (i) =>
        (customerId === undefined || i.customerId === customerId) &&
        (f.paid === undefined || (i.paidAt !== null) === f.paid) &&
        (from === undefined || i.issuedAt >= from) &&
        (to === undefined || i.issuedAt <= to) &&
        (number === undefined || i.invoiceNumber === number),
    );
    const actual = await walkList(r, r.clients[this.a]!, `/v1/customer-invoices?${params.toString()}`, f.limit ?? 15);
    compareList(r, this.a, actual, newestFirst(model, expected), invoiceView, `${this.toString()} ?${params.toString()}`);
  }
  toString() {
    return `ListInvoices(${this.a}, ${JSON.stringify(this.filter)})`;
  }
}

/** GET by id: the model's resource, or 404 for one the account deleted. */
export class GetById extends Command {
  constructor(readonly a: number, readonly kind: 'customer' | 'invoice', readonly index: number) {
    super();
  }
  check(m: Readonly<Model>) {
    return ids(m.accounts[this.a] as AccountModel, this.kind).length > 0;
  }
  async step(m: Model, r: Real) {
    const model = m.accounts[this.a] as AccountModel;
    const id = nth(ids(model, this.kind), this.index);
    const res = await r.clients[this.a]!.request(`${collection(this.kind)}/${id}`);
    const expected = this.kind === 'customer' ? model.customers.get(id) : model.invoices.get(id);
    if (!expected) return expectProblemFields(r, res, 404, [], this.toString());
    const body = await expectStatus(r, res, 200, this.toString());
    assert.deepEqual(this.kind === 'customer' ? customerView(body) : invoiceView(body), expected, this.toString());
  }
  toString() {
    return `GetById(${this.a}, ${this.kind} #${this.index})`;
  }
}

function ids(model: AccountModel, kind: 'customer' | 'invoice'): string[] {
  return kind === 'customer' ? [...model.customers.keys(), ...model.gone.customers] : [...model.invoices.keys(), ...model.gone.invoices];
}
const collection = (kind: 'customer' | 'invoice') => (kind === 'customer' ? '/v1/customers' : '/v1/customer-invoices');

export type Probe = 'get' | 'patch' | 'delete' | 'pdf' | 'invoice-for-their-customer' | 'list-their-customer';

/** Account `a` reaches for account `b`'s resources: 404 (or 422 / an empty list), and `b`'s data is untouched. */
export class CrossAccountProbe extends Command {
  constructor(readonly a: number, readonly offset: number, readonly kind: 'customer' | 'invoice', readonly index: number, readonly probe: Probe) {
    super();
  }
  private get b() {
    return (this.a + this.offset) % ACCOUNTS;
  }
  check(m: Readonly<Model>) {
    return ids(m.accounts[this.b] as AccountModel, this.kind).length > 0;
  }
  async step(m: Model, r: Real) {
    const theirs = m.accounts[this.b] as AccountModel;
    const id = nth(ids(theirs, this.kind), this.index);
    const client = r.clients[this.a]!;
    const url = `${collection(this.kind)}/${id}`;
    r.stats.crossAccountProbes += 1;
    if (this.probe === 'invoice-for-their-customer' && this.kind === 'customer') {
      const body = form({ customerId: id, invoiceNumber: 'X-1', issuedAt: '2024-01-31', amount: '1.00' }, new Uint8Array(Buffer.from('%PDF-1.7\n')));
      await expectProblemFields(r, await client.request('/v1/customer-invoices', { method: 'POST', body }), 422, ['customerId'], this.toString());
    } else if (this.probe === 'list-their-customer' && this.kind === 'customer') {
      const actual = await walkList(r, client, `/v1/customer-invoices?customerId=${id}`, 15);
      compareList(r, this.a, actual, [], invoiceView, this.toString());
    } else if (this.probe === 'patch') {
      await expectProblemFields(r, await client.json('PATCH', url, this.kind === 'customer' ? { companyName: 'Overgenomen' } : { paidAt: null }), 404, [], this.toString());
    } else if (this.probe === 'delete') {
      await expectProblemFields(r, await client.request(url, { method: 'DELETE' }), 404, [], this.toString());
    } else if (this.probe === 'pdf' && this.kind === 'invoice') {
      await expectProblemFields(r, await client.request(`${url}/pdf`), 404, [], this.toString());
    } else {
      await expectProblemFields(r, await client.request(url), 404, [], this.toString());
    }
    // The owner still sees exactly what its model says.
    const res = await r.clients[this.b]!.request(url);
    const expected = this.kind === 'customer' ? theirs.customers.get(id) : theirs.invoices.get(id);
    if (!expected) {
      await answer(r, res);
      assert.equal(res.status, 404, this.toString());
      return;
    }
    const body = await expectStatus(r, res, 200, this.toString());
    assert.deepEqual(this.kind === 'customer' ? customerView(body) : invoiceView(body), expected, this.toString());
  }
  toString() {
    return `CrossAccountProbe(${this.a} → ${this.b}, ${this.kind} #${this.index}, ${this.probe})`;
  }
}

