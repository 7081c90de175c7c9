import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatAmount, parseAmount } from '../src/lib/money.js';
import { parseCalendarDate, parseInstant, toAtom } from '../src/lib/time.js';

// The rules as plain functions, without HTTP: fast to run over many values.
describe('money rules', () => {
  it('round-trips every cent value in a range exactly', () => {
    for (let cents = -100_000; cents <= 100_000; cents += 7) {
      const parsed = parseAmount(formatAmount(cents));
      assert.ok(parsed.ok);
      assert.equal(parsed.cents, cents);
    }
  });
  it('never goes through floating point for large amounts', () => {
    const parsed = parseAmount('999999999999.99');
    assert.ok(parsed.ok);
    assert.equal(parsed.cents, 99_999_999_999_999);
    assert.equal(formatAmount(parsed.cents), '999999999999.99');
    const tricky = parseAmount('0.29');
    assert.ok(tricky.ok);
    assert.equal(tricky.cents, 29);
  });
  it('treats -0 as 0', () => {
    assert.equal(formatAmount((parseAmount('-0.00') as { cents: number }).cents), '0.00');
  });
});

describe('time rules', () => {
  it('knows which days exist', () => {
    assert.equal(parseCalendarDate('2024-02-29').ok, true);
    assert.equal(parseCalendarDate('2100-02-29').ok, false);
    assert.equal(parseCalendarDate('2024-04-31').ok, false);
  });
  it('handles both DST transitions of a year in Amsterdam', () => {
    assert.equal(parseInstant('2024-03-31 01:59:59', 'Europe/Amsterdam').ok, true);
    assert.equal(parseInstant('2024-03-31 02:00:00', 'Europe/Amsterdam').ok, false);
    assert.equal(parseInstant('2024-03-31 02:59:59', 'Europe/Amsterdam').ok, false);
    assert.equal(parseInstant('2024-03-31 03:00:00', 'Europe/Amsterdam').ok, true);
    const fold = parseInstant('2024-10-27 02:30:00', 'Europe/Amsterdam');
    assert.ok(fold.ok);
    assert.equal(fold.value, '2024-10-27T00:30:00.000Z');
    assert.equal(toAtom(fold.value, 'Europe/Amsterdam'), '2024-10-27T02:30:00+02:00');
  });
  it('formats instants as ATOM in other zones too', () => {
    assert.equal(toAtom('2024-07-01T12:00:00.000Z', 'Asia/Kolkata'), '2024-07-01T17:30:00+05:30');
    assert.equal(toAtom('2024-07-01T12:00:00.000Z', 'UTC'), '2024-07-01T12:00:00+00:00');
  });
});
