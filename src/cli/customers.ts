import { parseArgs } from 'node:util';
import { createClient } from '../client/index.js';
import type { CreateCustomer, UpdateCustomer } from '../client/types.js';
import { API_OPTIONS, apiConnection } from './api-config.js';
import { all, customerLine, emit, PAGE_OPTIONS, pageOf, pageText } from './output.js';
import { UsageError } from './errors.js';

const FIELDS = { name: { type: 'string' }, email: { type: 'string' }, locale: { type: 'string' }, reference: { type: 'string' } } as const;

function locale(raw: string | undefined): 'nl' | 'en' | undefined {
  if (raw === undefined || raw === 'nl' || raw === 'en') return raw;
  throw new UsageError(`--locale must be nl or en, got "${raw}"`);
}

/** `klantportaal customers create|get|list|update|delete`. */
export async function customersCommand(sub: string | undefined, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...API_OPTIONS, ...FIELDS, ...PAGE_OPTIONS, email: { type: 'string' } },
  });
  const json = values.json ?? false;
  const id = positionals[0];
  const needId = () => {
    if (!id) throw new UsageError(`customers ${sub} needs a customer id`);
    return id;
  };
  if (!['create', 'get', 'list', 'update', 'delete'].includes(sub ?? '')) throw new UsageError(`unknown customers command "${sub ?? ''}"`);
  if (sub === 'create' && (!values.name || !values.email)) throw new UsageError('customers create needs --name and --email');
  const target = sub === 'list' || sub === 'create' ? '' : needId();
  const client = createClient(apiConnection(values));

  switch (sub) {
    case 'create': {
      const input: CreateCustomer = { name: values.name ?? '', email: values.email ?? '', locale: locale(values.locale), reference: values.reference };
      const customer = await client.customers.create(input);
      return emit(json, customer, `Created customer ${customerLine(customer)}`);
    }
    case 'get': {
      const customer = await client.customers.get(target);
      return emit(json, customer, customerLine(customer));
    }
    case 'list': {
      const query = { reference: values.reference, email: values.email, ...pageOf(values) };
      if (values.all) {
        const customers = await all(client.customers.iterate(query));
        return emit(json, { data: customers }, customers.map(customerLine).join('\n') || 'No customers.');
      }
      const page = await client.customers.list(query);
      return emit(json, page, pageText(page, customerLine, 'No customers.'));
    }
    case 'update': {
      const input: UpdateCustomer = {};
      if (values.name !== undefined) input.name = values.name;
      if (values.email !== undefined) input.email = values.email;
      if (values.locale !== undefined) input.locale = locale(values.locale);
      // An empty --reference "" clears it.
      if (values.reference !== undefined) input.reference = values.reference === '' ? null : values.reference;
      if (Object.keys(input).length === 0) throw new UsageError('customers update needs at least one of --name, --email, --locale, --reference');
      const customer = await client.customers.update(target, input);
      return emit(json, customer, `Updated customer ${customerLine(customer)}`);
    }
    default: {
      await client.customers.delete(target);
      return emit(json, { id: target, deleted: true }, `Deleted customer ${target}.`);
    }
  }
}
