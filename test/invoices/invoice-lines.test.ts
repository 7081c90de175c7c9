import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { FieldError } from '../../src/http/problems.js';
import { computeTotals, formatQuantity, parseLines, type InvoiceLine } from '../../src/invoices/invoice-lines.rules.js';
import { formatAmount } from '../../src/lib/money.js';

/** Lines as a JSON body sends them → totals as amount strings. */
function totalsOf(raw: unknown) {
  const errors: FieldError[] = [];
  const lines = parseLines(raw, errors);
  assert.deepEqual(errors, []);
  const totals = computeTotals(lines as InvoiceLine[]);
  return {
    lines: totals.lines.map((l) => [formatAmount(l.totalExclVatCents), formatAmount(l.vatCents), formatAmount(l.totalInclVatCents)]),
    vatByRate: totals.vatByRate.map((g) => [g.rate, formatAmount(g.baseCents), formatAmount(g.vatCents)]),
    subtotal: formatAmount(totals.subtotalCents),
    vat: formatAmount(totals.vatCents),
    amount: formatAmount(totals.amountCents),
  };
}

function errorsOf(raw: unknown): FieldError[] {
  const errors: FieldError[] = [];
  assert.equal(parseLines(raw, errors), null);
  return errors;
}

describe('invoice lines: happy', () => {
  it('the published example: one line of 12.95 at 21 % is 15.67', () => {
    const totals = totalsOf([{ description: 'Website template', amountExclVat: '12.95', vatRate: 21 }]);
    assert.deepEqual(totals, { lines: [['12.95', '2.72', '15.67']], vatByRate: [[21, '12.95', '2.72']], subtotal: '12.95', vat: '2.72', amount: '15.67' });
  });

  it('rounds each line total once, half up: 3 × 0.335 is not possible, 1.5 × 0.33 = 0.495 → 0.50', () => {
    assert.deepEqual(totalsOf([{ description: 'a', quantity: '1.5', amountExclVat: '0.33', vatRate: 0 }]).lines, [['0.50', '0.00', '0.50']]);
    assert.deepEqual(totalsOf([{ description: 'a', quantity: '0.5', amountExclVat: '0.01', vatRate: 0 }]).lines, [['0.01', '0.00', '0.01']]);
    assert.deepEqual(totalsOf([{ description: 'a', quantity: '0.49', amountExclVat: '0.01', vatRate: 0 }]).lines, [['0.00', '0.00', '0.00']]);
  });

  it('computes VAT once per rate over the sum of its lines, not per line', () => {
    // Three lines of 0.05 at 9 %: per line 0.0045 → 0.00 each; over the sum 0.15 × 9 % = 0.0135 → 0.01.
    const line = { description: 'sticker', amountExclVat: '0.05', vatRate: 9 };
    const totals = totalsOf([line, line, line]);
    assert.deepEqual(totals.lines, [['0.05', '0.00', '0.05'], ['0.05', '0.00', '0.05'], ['0.05', '0.00', '0.05']]);
    assert.deepEqual(totals.vatByRate, [[9, '0.15', '0.01']]);
    assert.equal(totals.amount, '0.16');
    // Two lines of 0.50 at 21 %: per line 0.105 → 0.11 each (0.22); over the sum 1.00 × 21 % = 0.21.
    const half = { description: 'b', amountExclVat: '0.50', vatRate: 21 };
    assert.deepEqual(totalsOf([half, half]).vatByRate, [[21, '1.00', '0.21']]);
  });

  it('keeps the rates apart and lists them 0, 9, 21', () => {
    const totals = totalsOf([
      { description: 'c', amountExclVat: '100.00', vatRate: 21 },
      { description: 'd', quantity: '2', amountExclVat: '10.00', vatRate: 9 },
      { description: 'e', amountExclVat: '5.00', vatRate: 0 },
    ]);
    assert.deepEqual(totals.vatByRate, [[0, '5.00', '0.00'], [9, '20.00', '1.80'], [21, '100.00', '21.00']]);
    assert.deepEqual([totals.subtotal, totals.vat, totals.amount], ['125.00', '22.80', '147.80']);
  });

  it('rounds a negative half cent away from zero, the mirror of the positive one', () => {
    assert.deepEqual(totalsOf([{ description: 'korting', quantity: '1.5', amountExclVat: '-0.33', vatRate: 0 }]).lines, [['-0.50', '0.00', '-0.50']]);
    // -0.50 at 21 % = -0.105 → -0.11.
    assert.deepEqual(totalsOf([{ description: 'korting', amountExclVat: '-0.50', vatRate: 21 }]).vatByRate, [[21, '-0.50', '-0.11']]);
  });

  it('lets a discount line lower the base of its rate', () => {
    const totals = totalsOf([
      { description: 'website', amountExclVat: '1000.00', vatRate: 21 },
      { description: 'korting 10 %', amountExclVat: '-100.00', vatRate: 21 },
    ]);
    assert.deepEqual([totals.subtotal, totals.vat, totals.amount], ['900.00', '189.00', '1089.00']);
  });

  it('a credit note of the same lines, negated, has exactly the negated totals', () => {
    const lines = [
      { description: 'f', quantity: '3', amountExclVat: '19.99', vatRate: 21 },
      { description: 'g', quantity: '0.75', amountExclVat: '12.34', vatRate: 9 },
    ];
    const invoice = totalsOf(lines);
    const credit = totalsOf(lines.map((line) => ({ ...line, amountExclVat: `-${line.amountExclVat}` })));
    assert.equal(invoice.amount, '82.65'); // 59.97 + 9.26 (9.255 rounded up) + 12.59 + 0.83
    assert.equal(credit.amount, '-82.65');
    assert.equal(credit.subtotal, `-${invoice.subtotal}`);
    assert.equal(credit.vat, `-${invoice.vat}`);
  });

  it('defaults the quantity to 1, accepts a JSON number, and writes it back short', () => {
    const errors: FieldError[] = [];
    const lines = parseLines([{ description: 'h', amountExclVat: '1.00', vatRate: 0 }, { description: 'i', quantity: 2.5, amountExclVat: '1.00', vatRate: 0 }, { description: 'j', quantity: '2.50', amountExclVat: '1', vatRate: 0 }], errors);
    assert.deepEqual(lines?.map((l) => formatQuantity(l.quantityHundredths)), ['1', '2.5', '2.5']);
    assert.equal(formatQuantity(225), '2.25');
    assert.equal(formatQuantity(9_999_999), '99999.99');
  });
});

describe('invoice lines: errors', () => {
  it('reports every bad field of every line at once, by its lines[i].field name', () => {
    const errors = errorsOf([
      { description: 'ok', amountExclVat: '1.00', vatRate: 21 },
      { description: '', quantity: '0', amountExclVat: '12,95', vatRate: 6 },
      { quantity: '-1', amountExclVat: 12.95, vatRate: '21' },
      'not a line',
      { description: 'x'.repeat(501), quantity: '1.234', amountExclVat: '1.999', vatRate: 21, price: '3' },
      { description: 'bell\u0007', quantity: '100000', vatRate: 9 },
    ]);
    assert.deepEqual(errors.map((e) => e.field), [
      'lines[1].description',
      'lines[1].quantity',
      'lines[1].amountExclVat',
      'lines[1].vatRate',
      'lines[2].description',
      'lines[2].quantity',
      'lines[2].amountExclVat',
      'lines[2].vatRate',
      'lines[3]',
      'lines[4].price',
      'lines[4].description',
      'lines[4].quantity',
      'lines[4].amountExclVat',
      'lines[5].description',
      'lines[5].quantity',
      'lines[5].amountExclVat',
    ]);
    const byField = new Map(errors.map((e) => [e.field, e.message]));
    assert.match(byField.get('lines[1].amountExclVat') ?? '', /dot/);
    assert.match(byField.get('lines[1].vatRate') ?? '', /0, 9 or 21/);
    assert.match(byField.get('lines[2].quantity') ?? '', /more than 0/);
    assert.match(byField.get('lines[4].description') ?? '', /500/);
    assert.match(byField.get('lines[4].quantity') ?? '', /two decimals/);
    assert.match(byField.get('lines[5].quantity') ?? '', /99999\.99/);
    assert.match(byField.get('lines[5].amountExclVat') ?? '', /required/);
  });

  it('refuses no lines, too many lines, and something that is not a list', () => {
    assert.deepEqual(errorsOf([]), [{ field: 'lines', message: 'must have at least one line' }]);
    assert.deepEqual(errorsOf(undefined), [{ field: 'lines', message: 'is required' }]);
    assert.deepEqual(errorsOf({ description: 'x' }), [{ field: 'lines', message: 'must be an array of lines' }]);
    const line = { description: 'x', amountExclVat: '1.00', vatRate: 0 };
    assert.deepEqual(errorsOf(Array.from({ length: 101 }, () => line)), [{ field: 'lines', message: 'must have at most 100 lines' }]);
    assert.ok(parseLines(Array.from({ length: 100 }, () => line), []));
  });

  it('keeps every total inside the money limit of lib/money.ts', () => {
    const errors = errorsOf([{ description: 'x', quantity: '2', amountExclVat: '999999999999.99', vatRate: 0 }]);
    assert.deepEqual(errors.map((e) => e.field), ['lines[0].amountExclVat']);
    const sum = errorsOf(Array.from({ length: 3 }, () => ({ description: 'y', amountExclVat: '400000000000.00', vatRate: 0 })));
    assert.deepEqual(sum.map((e) => e.field), ['lines']);
  });
});

/** An independent computation: decimal strings → BigInt, rounding by remainder rather than by adding half. */
function reference(lines: { quantity: string; amountExclVat: string; vatRate: number }[]) {
  const scaled = (text: string) => {
    const [whole, fraction = ''] = text.replace('-', '').split('.');
    const value = BigInt(`${whole}${fraction.padEnd(2, '0')}`);
    return text.startsWith('-') ? -value : value;
  };
  const roundDiv = (x: bigint, d: bigint) => {
    const q = x / d; // truncates toward zero
    const r = x % d;
    const absR = r < 0n ? -r : r;
    return 2n * absR >= d ? q + (x < 0n ? -1n : 1n) : q;
  };
  const totals = lines.map((l) => roundDiv(scaled(l.quantity) * scaled(l.amountExclVat), 100n));
  let subtotal = 0n;
  let vat = 0n;
  for (const rate of [0, 9, 21]) {
    const base = totals.filter((_, i) => lines[i]?.vatRate === rate).reduce((a, b) => a + b, 0n);
    subtotal += base;
    vat += roundDiv(base * BigInt(rate), 100n);
  }
  return { totals: totals.map(Number), subtotal: Number(subtotal), vat: Number(vat), amount: Number(subtotal + vat) };
}

describe('invoice lines: property', () => {
  const decimal = (hundredths: number, forms: boolean) =>
    forms && hundredths % 100 === 0 ? String(hundredths / 100) : `${Math.trunc(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
  const line = fc.record({
    quantity: fc.oneof(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 1, max: 9_999_999 })).chain((q) => fc.boolean().map((short) => decimal(q, short))),
    price: fc.oneof(fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: -10_000_000_000, max: 10_000_000_000 })),
    vatRate: fc.constantFrom(0, 9, 21),
  });

  it('matches an independent BigInt computation over random line sets (negative lines included)', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 25 }), (generated) => {
        const raw = generated.map((g, i) => ({
          description: `line ${i}`,
          quantity: g.quantity,
          amountExclVat: `${g.price < 0 ? '-' : ''}${decimal(Math.abs(g.price), false)}`,
          vatRate: g.vatRate,
        }));
        const lines = parseLines(raw, []);
        if (lines === null) return; // only a total past the money limit is refused; the limit test covers it
        const totals = computeTotals(lines);
        const expected = reference(raw);
        assert.deepEqual(totals.lines.map((l) => l.totalExclVatCents), expected.totals);
        assert.equal(totals.subtotalCents, expected.subtotal);
        assert.equal(totals.vatCents, expected.vat);
        assert.equal(totals.amountCents, expected.amount);
        assert.equal(totals.lines.reduce((sum, l) => sum + l.totalExclVatCents, 0), totals.subtotalCents);
        const negated = computeTotals(lines.map((l) => ({ ...l, unitPriceCents: -l.unitPriceCents })));
        assert.equal(negated.amountCents, -totals.amountCents || 0);
      }),
      { numRuns: 500 },
    );
  });
});
