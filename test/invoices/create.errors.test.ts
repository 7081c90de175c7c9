import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { expectProblem, fieldMessage } from '../helpers/problem.js';
import { invoiceCount, samplePdf, startTestServer, storedFiles, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';

describe('POST /v1/customer-invoices: every bad input gets a problem and changes nothing', () => {
  let server: TestServer;
  let shop: TestAccount;
  let customerId: string;
  let rowsBefore: number;
  let filesBefore: string[];

  before(async () => {
    server = await startTestServer({ MAX_PDF_BYTES: String(1024 * 1024) });
    shop = await server.account();
    customerId = (await shop.createCustomer()).id;
    assert.equal((await shop.createInvoice(validInvoice(customerId, { invoiceNumber: 'TAKEN-1' }), samplePdf('taken'))).status, 201);
    rowsBefore = await invoiceCount(server);
    filesBefore = await storedFiles(server);
  });
  after(() => server.close());

  /** Sends the form, expects a 422 naming exactly `fields`, and checks nothing was stored. */
  async function rejected(fields: Record<string, string>, expectFields: string[], pdf?: Uint8Array | null, status = 422) {
    const problem = await expectProblem(await shop.createInvoice(fields, pdf), status, expectFields);
    assert.equal(await invoiceCount(server), rowsBefore, 'no row was added');
    assert.deepEqual(await storedFiles(server), filesBefore, 'no file was added, no temp file left');
    return problem;
  }

  const without = (name: string) => {
    const fields = validInvoice(customerId);
    delete fields[name];
    return fields;
  };

  describe('customerId', () => {
    it('is required', async () => {
      assert.equal(fieldMessage(await rejected(without('customerId'), ['customerId']), 'customerId'), 'is required');
    });
    it('must be a customer of the caller: unknown id, the published example id, another account’s customer', async () => {
      await rejected(validInvoice('cst_doesnotexist000000'), ['customerId']);
      await rejected(validInvoice('cst_abc12345def678'), ['customerId']);
      const other = await server.account('Concurrent B.V.');
      const theirs = await other.createCustomer();
      const message = fieldMessage(await rejected(validInvoice(theirs.id), ['customerId']), 'customerId');
      assert.match(message, /not a customer of your account/);
    });
  });

  describe('invoiceNumber', () => {
    it('is required, also when blank', async () => {
      await rejected(without('invoiceNumber'), ['invoiceNumber']);
      await rejected(validInvoice(customerId, { invoiceNumber: '   ' }), ['invoiceNumber']);
    });
    it('is at most 64 characters and has no control characters', async () => {
      await rejected(validInvoice(customerId, { invoiceNumber: 'x'.repeat(65) }), ['invoiceNumber']);
      await rejected(validInvoice(customerId, { invoiceNumber: 'A\u0000B' }), ['invoiceNumber']);
      await rejected(validInvoice(customerId, { invoiceNumber: 'A\u0007B' }), ['invoiceNumber']);
      assert.equal((await shop.createInvoice(validInvoice(customerId, { invoiceNumber: 'y'.repeat(64) }))).status, 201);
      rowsBefore += 1;
      filesBefore = await storedFiles(server);
    });
    it('is unique within the account: a duplicate is 409 naming the number, and nothing is stored', async () => {
      const problem = await rejected(validInvoice(customerId, { invoiceNumber: 'TAKEN-1' }), ['invoiceNumber'], samplePdf('dup'), 409);
      assert.match(problem.detail, /TAKEN-1/);
      assert.equal(problem.errors?.[0]?.field, 'invoiceNumber');
      // Trimming applies before the comparison.
      await rejected(validInvoice(customerId, { invoiceNumber: ' TAKEN-1 ' }), ['invoiceNumber'], samplePdf('dup2'), 409);
    });
    it('may repeat across accounts', async () => {
      const other = await server.account('Ander B.V.');
      const theirs = await other.createCustomer();
      assert.equal((await other.createInvoice(validInvoice(theirs.id, { invoiceNumber: 'TAKEN-1' }))).status, 201);
      rowsBefore += 1;
      filesBefore = await storedFiles(server);
    });
  });

  describe('issuedAt', () => {
    it('rejects the published example value 2024-04-31: it does not exist', async () => {
      const message = fieldMessage(await rejected(validInvoice(customerId, { issuedAt: '2024-04-31' }), ['issuedAt']), 'issuedAt');
      assert.match(message, /not a valid calendar date/);
    });
    it('rejects dates that do not exist or are not YYYY-MM-DD', async () => {
      for (const issuedAt of ['2024-02-30', '2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '24-4-1', '2024-4-1', '30-04-2024', '2024/04/30', '2024-04-30T00:00:00', '']) {
        await rejected(validInvoice(customerId, { issuedAt }), ['issuedAt']);
      }
      assert.match(fieldMessage(await rejected(validInvoice(customerId, { issuedAt: '2024-02-30' }), ['issuedAt']), 'issuedAt'), /not a valid calendar date/);
    });
    it('is required', async () => {
      await rejected(without('issuedAt'), ['issuedAt']);
    });
  });

  describe('amount', () => {
    it('hints at the dot for a decimal comma', async () => {
      assert.match(fieldMessage(await rejected(validInvoice(customerId, { amount: '12,95' }), ['amount']), 'amount'), /dot/);
    });
    it('rejects three decimals, exponents, words, empty, and signs or spaces inside', async () => {
      for (const amount of ['12.955', '1e3', 'abc', '', '+12.95', '12.', '.5', '1 000.00', '€12.95', '0x10', 'NaN', 'Infinity', '--5', '1000000000000.00']) {
        await rejected(validInvoice(customerId, { amount }), ['amount']);
      }
    });
    it('is required', async () => {
      await rejected(without('amount'), ['amount']);
    });
  });

  describe('pdf', () => {
    it('is required', async () => {
      await rejected(validInvoice(customerId), ['pdf'], null);
    });
    it('must not be empty', async () => {
      assert.match(fieldMessage(await rejected(validInvoice(customerId), ['pdf'], new Uint8Array(0)), 'pdf'), /empty/);
    });
    it('must start with %PDF- whatever its declared type', async () => {
      for (const bytes of ['PNG\r\n', '\uFEFF%PDF-1.4', ' %PDF-1.4', '%PDF', '%pdf-1.4', 'hello']) {
        await rejected(validInvoice(customerId), ['pdf'], new Uint8Array(Buffer.from(bytes + 'x'.repeat(100))));
      }
    });
    it('must be a file part, not a text field', async () => {
      const form = new FormData();
      for (const [name, value] of Object.entries(validInvoice(customerId))) form.append(name, value);
      form.append('pdf', '%PDF-1.4 as text');
      await expectProblem(await shop.request('/v1/customer-invoices', { method: 'POST', body: form }), 422, ['pdf']);
      assert.equal(await invoiceCount(server), rowsBefore);
    });
    it('must be exactly one file part', async () => {
      for (const count of [2, 3]) {
        const form = new FormData();
        for (const [name, value] of Object.entries(validInvoice(customerId))) form.append(name, value);
        for (let i = 0; i < count; i++) form.append('pdf', new Blob([samplePdf()]), `p${i}.pdf`);
        await expectProblem(await shop.request('/v1/customer-invoices', { method: 'POST', body: form }), 422, ['pdf']);
      }
      assert.equal(await invoiceCount(server), rowsBefore);
      assert.deepEqual(await storedFiles(server), filesBefore);
    });
    it('other fields sent as file parts beside the PDF are each reported, not blamed on the PDF', async () => {
      // With room for only two file parts, the third ended parsing and the 422 named pdf alone.
      const form = new FormData();
      const { amount, issuedAt, ...rest } = validInvoice(customerId);
      for (const [name, value] of Object.entries(rest)) form.append(name, value);
      form.append('amount', new Blob([amount ?? '']), 'amount.txt');
      form.append('issuedAt', new Blob([issuedAt ?? '']), 'issuedAt.txt');
      form.append('pdf', new Blob([samplePdf()]), 'invoice.pdf');
      await expectProblem(await shop.request('/v1/customer-invoices', { method: 'POST', body: form }), 422, ['amount', 'issuedAt']);
      assert.equal(await invoiceCount(server), rowsBefore);
      assert.deepEqual(await storedFiles(server), filesBefore);
    });
    it('over MAX_PDF_BYTES is 413 and nothing is stored; exactly the limit is fine', async () => {
      const big = new Uint8Array(1024 * 1024 + 1);
      big.set(Buffer.from('%PDF-1.4'));
      await rejected(validInvoice(customerId), ['pdf'], big, 413);
      const exact = big.subarray(0, 1024 * 1024);
      assert.equal((await shop.createInvoice(validInvoice(customerId), exact)).status, 201);
      rowsBefore += 1;
      filesBefore = await storedFiles(server);
    });
    it('over the limit is cut off without reading the rest of the upload', async () => {
      const boundary = 'kp-boundary';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="pdf"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
      );
      const total = 64 * 1024 * 1024;
      let sent = 0;
      const status = await new Promise<{ status: number; sentWhenAnswered: number }>((resolve, reject) => {
        const req = http.request(`${server.url}/v1/customer-invoices`, {
          method: 'POST',
          headers: { authorization: `Bearer ${shop.apiKey}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
        });
        req.on('response', (res) => {
          resolve({ status: res.statusCode ?? 0, sentWhenAnswered: sent });
          res.resume();
          req.destroy();
        });
        req.on('error', (error) => (sent > 0 ? undefined : reject(error)));
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        req.write(head);
        const pump = () => {
          while (sent < total) {
            sent += chunk.length;
            if (!req.write(chunk)) return void req.once('drain', pump);
          }
          req.end();
        };
        pump();
      });
      assert.equal(status.status, 413);
      assert.ok(status.sentWhenAnswered < total / 2, `answered after ${status.sentWhenAnswered} of ${total} bytes`);
      assert.equal(await invoiceCount(server), rowsBefore);
      assert.deepEqual(await storedFiles(server), filesBefore);
    });
  });

  describe('paidAt', () => {
    it('rejects malformed values', async () => {
      for (const paidAt of ['2024-05-11', '2024-05-11 12:59', '11-05-2024 12:59:00', '2024-05-11T12:59:00', 'yesterday', '2024-05-11 25:00:00', '2024-02-30 10:00:00']) {
        await rejected(validInvoice(customerId, { paidAt }), ['paidAt']);
      }
    });
    it('rejects a local time in the DST gap (2024-03-31 02:30 does not exist in Amsterdam)', async () => {
      const message = fieldMessage(await rejected(validInvoice(customerId, { paidAt: '2024-03-31 02:30:00' }), ['paidAt']), 'paidAt');
      assert.match(message, /does not exist in Europe\/Amsterdam/);
    });
  });

  describe('sendNotification and currency', () => {
    it('sendNotification takes only true/false/1/0', async () => {
      for (const sendNotification of ['yes', 'no', '2', 'on', '']) await rejected(validInvoice(customerId, { sendNotification }), ['sendNotification']);
    });
    it('currency takes only EUR', async () => {
      for (const currency of ['USD', 'eur', '', 'EURO']) {
        assert.equal(fieldMessage(await rejected(validInvoice(customerId, { currency }), ['currency']), 'currency'), 'only EUR is supported');
      }
    });
  });

  describe('the form as a whole', () => {
    it('rejects unknown fields, such as a lowercase typo', async () => {
      const problem = await rejected(validInvoice(customerId, { paidat: '2024-05-11 12:59:00' }), ['paidat']);
      assert.match(fieldMessage(problem, 'paidat'), /not a known field/);
      await rejected(validInvoice(customerId, { id: 'inv_mine', createdAt: '2024-01-01' }), ['id', 'createdAt']);
    });
    it('rejects a field given twice', async () => {
      const form = new FormData();
      for (const [name, value] of Object.entries(validInvoice(customerId))) form.append(name, value);
      form.append('amount', '13.00');
      form.append('pdf', new Blob([samplePdf()]), 'x.pdf');
      await expectProblem(await shop.request('/v1/customer-invoices', { method: 'POST', body: form }), 422, ['amount']);
    });
    it('reports every failing field at once', async () => {
      await rejected(
        { customerId: 'cst_nope', invoiceNumber: '', issuedAt: '2024-04-31', amount: '12,95', paidAt: 'x', sendNotification: 'maybe', currency: 'USD', extra: '1' },
        ['customerId', 'invoiceNumber', 'issuedAt', 'amount', 'paidAt', 'sendNotification', 'currency', 'extra', 'pdf'],
        new Uint8Array(Buffer.from('not a pdf')),
      );
      await rejected({}, ['customerId', 'invoiceNumber', 'issuedAt', 'amount', 'pdf'], null);
    });
    it('accepts only multipart/form-data (415), whatever else is sent', async () => {
      for (const [type, body] of [
        ['application/json', JSON.stringify(validInvoice(customerId))],
        ['application/x-www-form-urlencoded', new URLSearchParams(validInvoice(customerId)).toString()],
        ['text/plain', 'hello'],
        ['application/pdf', '%PDF-1.4'],
      ] as const) {
        await expectProblem(await shop.request('/v1/customer-invoices', { method: 'POST', headers: { 'content-type': type }, body }), 415);
      }
      await expectProblem(await shop.request('/v1/customer-invoices', { method: 'POST' }), 415);
      assert.equal(await invoiceCount(server), rowsBefore);
    });
    it('answers a malformed multipart body with 400 and leaves nothing behind', async () => {
      const send = (contentType: string, body: string) =>
        shop.request('/v1/customer-invoices', { method: 'POST', headers: { 'content-type': contentType }, body });
      await expectProblem(await send('multipart/form-data', '--x\r\n'), 400);
      await expectProblem(
        await send('multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="pdf"; filename="a.pdf"\r\n\r\n%PDF-1.4 truncated'),
        400,
      );
      await expectProblem(await send('multipart/form-data; boundary=x', 'garbage without any boundary'), 400);
      assert.equal(await invoiceCount(server), rowsBefore);
      assert.deepEqual(await storedFiles(server), filesBefore);
    });
  });
});
