import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { callerOf } from '../http/auth.js';
import { schemaErrors } from '../http/error-handler.js';
import { ProblemError } from '../http/problems.js';
import { CloudFile, Problem } from '../http/schemas.js';
import { fingerprint, idempotent, readIdempotencyKey, sendIdempotent } from '../http/idempotency.js';
import { requestFullyRead } from '../http/request-timeout.js';
import { deleteInvoice, updateInvoice } from './invoice-change.service.js';
import { listInvoices } from './invoice-list.service.js';
import {
  CreateInvoiceForm,
  CreateManualInvoiceBody,
  InvoiceIdParams,
  InvoiceList,
  InvoiceListQuery,
  InvoiceResource,
  UpdateInvoiceBody,
  type Invoice,
} from './invoice.schemas.js';
import { openDownload, sendDownload, wantsBytes } from '../storage/download-response.js';
import { createInvoice, getInvoice, invoicePdf, invoicePdfLink } from './invoice.service.js';
import { readPdfUpload } from '../storage/pdf-upload.js';
import { INVOICE_FIELDS } from './invoice.rules.js';
import { createManualInvoice } from './manual-invoice.service.js';

const errors = { 401: Problem, 404: Problem };

const created = (invoice: Invoice) => ({ status: 201, body: invoice, location: invoice.links.self.href });

export function invoiceRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/v1/customer-invoices',
      {
        config: { scope: 'invoices.write' },
        schema: {
          tags: ['customer invoices'], operationId: 'createCustomerInvoice', summary: 'Create a customer invoice (multipart, with its PDF)',
          consumes: ['multipart/form-data'],
          // Documentation only: the multipart body is streamed and checked by invoice.rules.ts.
          ...({ 'x-form': CreateInvoiceForm } as object),
          response: { 201: InvoiceResource, 401: Problem, 400: Problem, 409: Problem, 413: Problem, 415: Problem, 422: Problem, 503: Problem },
        },
        // Before any body parsing: only multipart is accepted here.
        preParsing: async (request) => {
          const type = request.headers['content-type'] ?? '';
          if (!/^multipart\/form-data(;|$)/i.test(type.trim())) {
            throw new ProblemError('unsupported-media-type', 'Send the invoice as multipart/form-data (curl: --form).');
          }
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const key = readIdempotencyKey(request.headers['idempotency-key']);
        const upload = await readPdfUpload(request, ctx.store, ctx.config.maxPdfBytes, INVOICE_FIELDS);
        requestFullyRead(request);
        try {
          // "The same request" is the same fields and the same PDF bytes; multipart boundaries differ per retry.
          // Without a key nothing compares it.
          const print =
            key === null
              ? ''
              : fingerprint({
                  method: 'POST',
                  path: '/v1/customer-invoices',
                  accountId: caller.accountId,
                  payload: { fields: Object.fromEntries(upload.fields), pdf: upload.pdf?.sha256 ?? null },
                });
          const result = await idempotent(ctx.db, caller, key, print, created, (onCommit) => createInvoice(ctx, caller, upload, onCommit));
          return sendIdempotent(reply, result);
        } finally {
          await upload.pdf?.discard();
        }
      },
    );

    app.post(
      '/v1/customer-invoices/manual',
      {
        config: { scope: 'invoices.write' },
        // The rules check every field (each line's at once); the schema documents them and is their safety net.
        attachValidation: true,
        schema: {
          tags: ['customer invoices'], operationId: 'createManualCustomerInvoice', summary: 'Create a customer invoice from lines (we render its PDF)',
          description:
            'JSON, as published, plus extensions (quantity, paidAt, dueAt, deliveredAt, reference, creditedInvoiceId). The PDF is rendered in the customer\'s language ' +
            'with everything a Dutch invoice must show, and stored like an uploaded one before the 201. The account needs its legal details first ' +
            '(name, address, zipCode, city, kvkNumber, vatNumber: `PATCH /v1/account`); what is missing is a 422 on `account.<field>`.',
          body: CreateManualInvoiceBody,
          response: { 201: InvoiceResource, 400: Problem, 401: Problem, 409: Problem, 413: Problem, 415: Problem, 422: Problem, 503: Problem },
        },
        preParsing: async (request) => {
          const type = request.headers['content-type'] ?? '';
          if (!/^application\/json(;|$)/i.test(type.trim())) throw new ProblemError('unsupported-media-type', 'Send the invoice as JSON (Content-Type: application/json).');
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const key = readIdempotencyKey(request.headers['idempotency-key']);
        const print = key === null ? '' : fingerprint({ method: 'POST', path: '/v1/customer-invoices/manual', accountId: caller.accountId, payload: request.body });
        const result = await idempotent(ctx.db, caller, key, print, created, (onCommit) => createManualInvoice(ctx, caller, request.body, schemaErrors(request), onCommit));
        return sendIdempotent(reply, result);
      },
    );

    app.get(
      '/v1/customer-invoices',
      { config: { scope: 'invoices.read' }, attachValidation: true, schema: { tags: ['customer invoices'], operationId: 'listCustomerInvoices', summary: 'List customer invoices, newest first', querystring: InvoiceListQuery, response: { 200: InvoiceList, 401: Problem, 422: Problem } } },
      async (request) => listInvoices(ctx, callerOf(request), request.query, schemaErrors(request)),
    );

    app.patch(
      '/v1/customer-invoices/:id',
      {
        // The schema's findings go to the service, which adds paidAt's own rules: one 422 names every bad field.
        config: { scope: 'invoices.write' },
        attachValidation: true,
        schema: {
          tags: ['customer invoices'], operationId: 'updateCustomerInvoice', summary: 'Mark a customer invoice paid or unpaid',
          params: InvoiceIdParams,
          body: UpdateInvoiceBody,
          response: { 200: InvoiceResource, ...errors, 400: Problem, 415: Problem, 422: Problem },
        },
      },
      async (request) => updateInvoice(ctx, callerOf(request), request.params.id, request.body, schemaErrors(request)),
    );

    app.delete(
      '/v1/customer-invoices/:id',
      { config: { scope: 'invoices.write' }, schema: { tags: ['customer invoices'], operationId: 'deleteCustomerInvoice', summary: 'Delete a customer invoice', params: InvoiceIdParams, response: { 204: { type: 'null' }, ...errors } } },
      async (request, reply) => {
        await deleteInvoice(ctx, callerOf(request), request.params.id);
        return reply.code(204).send();
      },
    );

    app.get(
      '/v1/customer-invoices/:id',
      { config: { scope: 'invoices.read' }, schema: { tags: ['customer invoices'], operationId: 'getCustomerInvoice', summary: 'Get a customer invoice', params: InvoiceIdParams, response: { 200: InvoiceResource, ...errors } } },
      async (request) => getInvoice(ctx, callerOf(request), request.params.id),
    );

    app.get(
      '/v1/customer-invoices/:id/pdf',
      {
        config: { scope: 'invoices.read' },
        schema: {
          tags: ['customer invoices', 'downloads'], operationId: 'getCustomerInvoicePdf', summary: 'Get the invoice PDF as a cloud-file link',
          description:
            'Answers the published cloud-file response: `link` downloads the PDF without an API key until `expiresAt` (5 minutes). ' +
            'Extension: with `Accept: application/pdf` the PDF itself is streamed instead, with the same headers as the link’s download.',
          params: InvoiceIdParams,
          // The PDF, when asked for with Accept: documented beside the JSON by `x-binary` (see http/openapi.ts).
          ...({ 'x-binary': 'application/pdf' } as object),
          response: { 200: CloudFile, ...errors, 503: Problem },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        if (!wantsBytes(request.headers.accept, 'application/pdf')) return invoicePdfLink(ctx, caller, request.params.id);
        const target = await invoicePdf(ctx, caller, request.params.id);
        const pdf = await openDownload(ctx.store, target.key);
        // A row without its bytes is our failure, never the client's: it is logged and answered 500.
        if (!pdf) throw new Error(`PDF ${target.key} of invoice ${request.params.id} is missing from the store`);
        return sendDownload(reply, target, pdf);
      },
    );
  };
}
