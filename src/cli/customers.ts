import { parseArgs } from 'node:util';
import { createClient } from '../client/index.js';
import type { CreateCustomer, UpdateCustomer } from '../client/types.js';
import { API_OPTIONS, apiConnection } from './api-config.js';
import { all, customerLine, emit, PAGE_OPTIONS, pageOf, pageText } from './output.js';
import { UsageError } from './errors.js';

/** Option → API field; the ones marked nullable clear the field when given as "". */
const FIELD_OPTIONS = {
  'company-name': 'companyName',
  address: 'address',
  'zip-code': 'zipCode',
  city: 'city',
  'country-code': 'countryCode',
  'primary-email': 'primaryEmail',
  phone: 'phone',
  integration: 'integration',
  'integration-id': 'integrationId',
} as const;
const NULLABLE = new Set(['phone', 'integration', 'integrationId']);
const REQUIRED_ON_CREATE = ['company-name', 'address', 'zip-code', 'city', 'primary-email'] as const;

const FIELDS = Object.fromEntries([...Object.keys(FIELD_OPTIONS), 'locale', 'customer-group'].map((name) => [name, { type: 'string' as const }])) as Record<
  keyof typeof FIELD_OPTIONS | 'locale' | 'customer-group',
  { type: 'string' }
>;

function locale(raw: string | undefined): 'nl' | 'en' | undefined {
  if (raw === undefined || raw === 'nl' || raw === 'en') return raw;
  throw new UsageError(`--locale must be nl or en, got "${raw}"`);
}

/** The given field options as API fields; `""` clears a nullable one. */
function fieldsOf(values: Partial<Record<string, string | boolean>>): Record<string, string | null> {
  const fields: Record<string, string | null> = {};
  for (const [option, field] of Object.entries(FIELD_OPTIONS)) {
    const value = values[option];
    if (typeof value === 'string') fields[field] = value === '' && NULLABLE.has(field) ? null : value;
  }
  return fields;
}

/** `klantportaal customers create|get|list|update|delete`. */
export async function customersCommand(sub: string | undefined, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...API_OPTIONS, ...FIELDS, ...PAGE_OPTIONS },
  });
  const json = values.json ?? false;
  const id = positionals[0];
  const needId = () => {
    if (!id) throw new UsageError(`customers ${sub} needs a customer id`);
    return id;
  };
  if (!['create', 'get', 'list', 'update', 'delete'].includes(sub ?? '')) throw new UsageError(`unknown customers command "${sub ?? ''}"`);
  const missing = REQUIRED_ON_CREATE.filter((option) => !values[option]);
  if (sub === 'create' && missing.length > 0) throw new UsageError(`customers create needs ${missing.map((o) => `--${o}`).join(', ')}`);
  const target = sub === 'list' || sub === 'create' ? '' : needId();
  const client = createClient(apiConnection(values));

  switch (sub) {
    case 'create': {
      const input = { ...fieldsOf(values), ...(values.locale === undefined ? {} : { locale: locale(values.locale) }) } as CreateCustomer;
      const customer = await client.customers.create(input);
      return emit(json, customer, `Created customer ${customerLine(customer)}`);
    }
    case 'get': {
      const customer = await client.customers.get(target);
      return emit(json, customer, customerLine(customer));
    }
    case 'list': {
      const query = {
        primaryEmail: values['primary-email'],
        integration: values.integration,
        integrationId: values['integration-id'],
        customerGroupId: values['customer-group'],
        ...pageOf(values),
      };
      if (values.all) {
        const customers = await all(client.customers.iterate(query));
        return emit(json, { data: customers }, customers.map(customerLine).join('\n') || 'No customers.');
      }
      const page = await client.customers.list(query);
      return emit(json, page, pageText(page, customerLine, 'No customers.'));
    }
    case 'update': {
      const input = { ...fieldsOf(values), ...(values.locale === undefined ? {} : { locale: locale(values.locale) }) } as UpdateCustomer;
      if (Object.keys(input).length === 0) {
        throw new UsageError(`customers update needs at least one of ${[...Object.keys(FIELD_OPTIONS), 'locale'].map((o) => `--${o}`).join(', ')}`);
      }
      const customer = await client.customers.update(target, input);
      return emit(json, customer, `Updated customer ${customerLine(customer)}`);
    }
    default: {
      await client.customers.delete(target);
      return emit(json, { id: target, deleted: true }, `Deleted customer ${target}.`);
    }
  }
}
