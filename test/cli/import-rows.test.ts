import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectSeparator, parseMapping, readCsv } from '../../src/cli/import/csv-file.js';
import { detectDecimalComma, normaliseAmount, normaliseDate, toImportRow } from '../../src/cli/import/import-row.js';
import { rowKey } from '../../src/cli/import/importer.js';

describe('import: reading a bookkeeping export', () => {
  it('detects ; , and tab separators from the header', () => {
    assert.equal(detectSeparator('Klantnummer;Naam;"Bedrag; incl"\n1;2;3'), ';');
    assert.equal(detectSeparator('reference,name,amount\n'), ',');
    assert.equal(detectSeparator('a\tb\tc\n'), '\t');
  });

  it('amounts with decimal comma or point, thousands separators and a euro sign, in exact cents', () => {
    assert.deepEqual(normaliseAmount('1.234,50', true), { ok: true, amount: '1234.50' });
    assert.deepEqual(normaliseAmount('€ 12,9', true), { ok: true, amount: '12.90' });
    assert.deepEqual(normaliseAmount('-5', true), { ok: true, amount: '-5.00' });
    assert.deepEqual(normaliseAmount('1,234.50', false), { ok: true, amount: '1234.50' });
    assert.deepEqual(normaliseAmount('0.10', false), { ok: true, amount: '0.10' });
    assert.equal(normaliseAmount('12,955', true).ok, false);
    assert.equal(normaliseAmount('abc', false).ok, false);
    assert.equal(detectDecimalComma(['1.234,50', '7'], ','), true);
    assert.equal(detectDecimalComma(['1,234.50', '7'], ';'), false);
    assert.equal(detectDecimalComma(['1.234', '7'], ';'), true);
  });

  it('dates as YYYY-MM-DD and DD-MM-YYYY', () => {
    assert.equal(normaliseDate('2024-04-30'), '2024-04-30');
    assert.equal(normaliseDate('30-04-2024'), '2024-04-30');
    assert.equal(normaliseDate('1/5/2024'), '2024-05-01');
    assert.equal(normaliseDate('30 april'), null);
  });

  it('maps Dutch column names, --mapping for others; a paid date becomes noon local; every bad cell is named', () => {
    const csv = readCsv('Debiteur;Naam;E-mail;Factuurnummer;Factuurdatum;Bedrag;Betaaldatum;Bestand\nD1;Jansen;j@x.nl;F-1;30-04-2024;1.234,50;11-05-2024;f1.pdf\nD2;;;F-2;31-04;1,2,3;gisteren;\n', parseMapping('Debiteur=customerReference'));
    assert.equal(csv.separator, ';');
    const ok = toImportRow(csv, csv.rows[0] ?? [], 1, true);
    assert.deepEqual(ok, {
      row: 1, customerReference: 'D1', customerName: 'Jansen', customerEmail: 'j@x.nl', customerAddress: '', customerZipCode: '', customerCity: '', customerCountryCode: '', invoiceNumber: 'F-1', issuedAt: '2024-04-30', amount: '1234.50', paidAt: '2024-05-11 12:00:00', pdf: 'f1.pdf',
    });
    const bad = toImportRow(csv, csv.rows[1] ?? [], 2, true);
    assert.ok('errors' in bad);
    assert.equal(bad.errors.length, 4, bad.errors.join(' | '));
    assert.throws(() => readCsv('foo,bar\n1,2\n', new Map()), /no column for customerReference/);
    assert.throws(() => parseMapping('x=nonsense'), /field one of/);
  });

  it('idempotency keys depend on the row and the PDF only, and stay within the header limits', () => {
    const row = { row: 1, customerReference: 'D1', customerName: 'J', customerEmail: 'j@x.nl', customerAddress: 'Dorpsstraat 1', customerZipCode: '1234AB', customerCity: 'Ede', customerCountryCode: '', invoiceNumber: 'F-1', issuedAt: '2024-04-30', amount: '1.00', paidAt: null, pdf: 'a.pdf' };
    assert.equal(rowKey(row, 'aa', false), rowKey({ ...row, row: 99, customerName: 'Other name' }, 'aa', false));
    assert.notEqual(rowKey(row, 'aa', false), rowKey(row, 'bb', false));
    assert.notEqual(rowKey(row, 'aa', false), rowKey({ ...row, amount: '1.01' }, 'aa', false));
    const long = rowKey({ ...row, invoiceNumber: 'ü'.repeat(64) }, 'aa', false);
    assert.ok(long.length <= 255 && /^[\x20-\x7e]+$/.test(long));
  });
});
