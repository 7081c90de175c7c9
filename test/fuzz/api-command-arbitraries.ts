import fc from 'fast-check';
import {
  ACCOUNTS,
  CreateCustomer,
  CreateInvoice,
  CrossAccountProbe,
  DeleteCustomer,
  DeleteInvoice,
  GetById,
  ListCustomers,
  ListInvoices,
  PatchPaidAt,
  ReuseKey,
  type InvoiceFilter,
  type Probe,
} from './api-commands.js';
import type { ApiCommand } from './api-model.js';

/** The generated side of RELIABILITY.md F3: the values commands carry, and how often each command comes up. */

// Account 0 gets most of the traffic, so its lists grow long enough to page through; 1 and 2 still get data.
const account = fc.constantFrom(0, 0, 0, 1, 2);
/** An index into whatever the account holds when the command runs (taken modulo its size). */
const pick = fc.nat({ max: 1000 });

// paidAt as sent → as the API must show it in Europe/Amsterdam: winter, summer, UTC across the spring gap, the
// autumn fold (the earlier instant), an explicit offset, and sub-second input shown truncated to the second.
const PAID_AT: [string, string][] = [
  ['2024-01-11 12:59:00', '2024-01-11T12:59:00+01:00'],
  ['2024-05-11 12:59:00', '2024-05-11T12:59:00+02:00'],
  ['2024-03-31T01:30:00Z', '2024-03-31T03:30:00+02:00'],
  ['2024-10-27 02:30:00', '2024-10-27T02:30:00+02:00'],
  ['2024-10-27T02:30:00+01:00', '2024-10-27T02:30:00+01:00'],
  ['2023-12-31T23:59:59.999-05:00', '2024-01-01T05:59:59+01:00'],
];
const paidAt = fc.constantFrom(...PAID_AT);
const DATES = ['2024-01-31', '2024-02-29', '2024-03-31', '2024-10-27', '2024-12-31', '2025-01-01'];
const date = fc.constantFrom(...DATES);

/** An amount as an integrator might write it, and the two-decimal string the API must answer. */
const amount = fc.record({ negative: fc.boolean(), whole: fc.nat({ max: 99_999 }), cents: fc.nat({ max: 99 }), short: fc.boolean() }).map(({ negative, whole, cents, short }) => {
  const fraction = short && cents % 10 === 0 ? (cents === 0 ? '' : `.${cents / 10}`) : `.${String(cents).padStart(2, '0')}`;
  const zero = whole === 0 && cents === 0;
  return { sent: `${negative ? '-' : ''}${whole}${fraction}`, shown: `${negative && !zero ? '-' : ''}${whole}.${String(cents).padStart(2, '0')}` };
});

/** Invoice numbers from a small pool, so duplicates (409) happen; padding is trimmed. */
const invoiceNumber = fc
  .record({ stem: fc.constantFrom('F-', 'Rechnung ', 'ÄÖ/', '2024-'), n: fc.nat({ max: 7 }), pad: fc.boolean() })
  .map(({ stem, n, pad }) => ({ sent: pad ? `  ${stem}${n}\t` : `${stem}${n}`, stored: `${stem}${n}` }));

const pdfBytes = fc.uint8Array({ maxLength: 3000 }).map((body) => new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), body])));

const limit = fc.option(fc.integer({ min: 1, max: 6 }), { freq: 5, nil: null });

const createCustomer = fc
  .record(
    {
      a: account,
      companyName: fc.constantFrom('Jansen Installatietechniek', '  Bakkerij de Vries ', 'Émile & Zonen', 'Ça va B.V.'),
      primaryEmail: fc.constantFrom('a@example.com', 'b@example.nl', 'administratie@jansen.example'),
      locale: fc.constantFrom<'nl' | 'en'>('nl', 'en'),
      integrationId: fc.oneof(fc.constant(null), fc.constantFrom('DEB-1', 'DEB-2', ' DEB-3 ')),
    },
    { requiredKeys: ['a', 'companyName', 'primaryEmail'] },
  )
  .map(({ a, ...fields }) => new CreateCustomer(a, fields));
const createInvoice = fc
  .record({ a: account, customer: pick, number: invoiceNumber, issuedAt: date, amount, paidAt: fc.option(paidAt, { nil: null }), pdf: pdfBytes, withKey: fc.boolean() })
  .map(({ a, ...input }) => new CreateInvoice(a, input));

/** Each filter on about one list in four, so most lists still hold something. */
const sometimes = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
const invoiceFilter: fc.Arbitrary<InvoiceFilter> = fc
  .record({ customer: sometimes(pick), goneCustomer: fc.boolean(), paid: sometimes(fc.boolean()), from: sometimes(date), to: sometimes(date), number: sometimes(pick), limit: sometimes(fc.integer({ min: 1, max: 6 })) })
  .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as InvoiceFilter);

/** Creates weigh more, so sequences build up enough data for lists and deletes to mean something. */
export const commandArbitraries: fc.Arbitrary<ApiCommand>[] = [
  ...Array<fc.Arbitrary<ApiCommand>>(3).fill(createCustomer),
  ...Array<fc.Arbitrary<ApiCommand>>(5).fill(createInvoice),
  fc.tuple(account, pick, fc.boolean()).map(([a, key, same]) => new ReuseKey(a, key, same)),
  fc.tuple(account, pick, fc.option(paidAt, { nil: null }), fc.boolean()).map(([a, i, p, empty]) => new PatchPaidAt(a, i, p, empty)),
  fc.tuple(account, pick).map(([a, i]) => new DeleteInvoice(a, i)),
  fc.tuple(account, pick).map(([a, i]) => new DeleteCustomer(a, i)),
  fc.tuple(account, fc.constantFrom<'none' | 'integrationId' | 'primaryEmail'>('none', 'integrationId', 'primaryEmail'), pick, limit).map(([a, f, t, l]) => new ListCustomers(a, f, t, l)),
  fc.tuple(account, invoiceFilter).map(([a, f]) => new ListInvoices(a, f)),
  fc.tuple(account, fc.constantFrom<'customer' | 'invoice'>('customer', 'invoice'), pick).map(([a, k, i]) => new GetById(a, k, i)),
  fc
    .tuple(
      account,
      fc.integer({ min: 1, max: ACCOUNTS - 1 }),
      fc.constantFrom<'customer' | 'invoice'>('customer', 'invoice'),
      pick,
      fc.constantFrom<Probe>('get', 'patch', 'delete', 'pdf', 'invoice-for-their-customer', 'list-their-customer'),
    )
    .map(([a, o, k, i, p]) => new CrossAccountProbe(a, o, k, i, p)),
];

