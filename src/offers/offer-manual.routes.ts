import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { callerOf } from '../http/auth.js';
import { schemaErrors } from '../http/error-handler.js';
import { fingerprint, idempotent, readIdempotencyKey, sendIdempotent } from '../http/idempotency.js';
import { ProblemError } from '../http/problems.js';
import { Problem } from '../http/schemas.js';
import { InvoiceResource, type Invoice } from '../invoices/invoice.schemas.js';
import { convertOfferToInvoice } from './offer-invoice.service.js';
import { createManualOffer } from './offer-manual.service.js';
import { ConvertOfferBody, CreateManualOfferBody, OfferIdParams, OfferResource, type Offer } from './offer.schemas.js';

const tags = ['customer offers'];

const created = (resource: Offer | Invoice) => ({ status: 201, body: resource, location: resource.links.self.href });

const jsonOnly = (what: string) => async (request: { headers: Record<string, string | string[] | undefined> }) => {
  const type = request.headers['content-type'];
  if (typeof type !== 'string' || !/^application\/json(;|$)/i.test(type.trim())) throw new ProblemError('unsupported-media-type', `Send the ${what} as JSON (Content-Type: application/json).`);
};

/**
 * Offers made from lines: `POST /v1/customer-offers/manual` (reference 3.7) and our `POST …/{id}/invoice`. Both
 * take JSON checked by `offer-manual.rules.ts` (the schema documents it and is its safety net), and an
 * Idempotency-Key like every POST.
 */
export function manualOfferRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/v1/customer-offers/manual',
      {
        config: { scope: 'offers.write' },
        attachValidation: true,
        schema: {
          tags, operationId: 'createManualCustomerOffer', summary: 'Create a customer offer from lines (we render its PDF)',
          description:
            'JSON, as published, plus `lines[].quantity` (as for manual invoices). The PDF is rendered as an offerte in the customer\'s language: ' +
            'the lines, the VAT per rate and the totals, and the expiry date as "geldig tot" / "valid until" (no payment block, no QR code); it is stored ' +
            'like an uploaded offer before the 201. `amount` is the total including VAT and must not be negative. The account needs its legal details first ' +
            '(`PATCH /v1/account`); what is missing is a 422 on `account.<field>`.',
          body: CreateManualOfferBody,
          response: { 201: OfferResource, 400: Problem, 401: Problem, 409: Problem, 413: Problem, 415: Problem, 422: Problem, 503: Problem },
        },
        preParsing: jsonOnly('offer'),
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const key = readIdempotencyKey(request.headers['idempotency-key']);
        const print = key === null ? '' : fingerprint({ method: 'POST', path: '/v1/customer-offers/manual', accountId: caller.accountId, payload: request.body });
        const result = await idempotent(ctx.db, caller, key, print, created, (onCommit) => createManualOffer(ctx, caller, request.body, schemaErrors(request), onCommit));
        return sendIdempotent(reply, result);
      },
    );

    app.post(
      '/v1/customer-offers/:id/invoice',
      {
        // One scope per route (http/scopes.ts): offers.write, as it acts on the offer; see the description.
        config: { scope: 'offers.write' },
        attachValidation: true,
        schema: {
          tags: [...tags, 'customer invoices'], operationId: 'convertCustomerOfferToInvoice', summary: 'Turn an accepted manual offer into an invoice',
          description:
            'Extension. Makes a manual invoice of the offer\'s customer with the offer\'s lines (so the same amounts), rendered and stored like ' +
            '`POST /v1/customer-invoices/manual`, with its email (`sendNotification`) and the `invoice-created` webhook. Answers 201 with the invoice and ' +
            'its Location. 409 when the offer is not accepted, was uploaded (no lines) or already became an invoice (named in the problem); of two ' +
            'concurrent conversions exactly one makes an invoice. Needs the scope `offers.write` only: a key that may create and accept offers may ' +
            'also invoice what was accepted.',
          params: OfferIdParams,
          body: ConvertOfferBody,
          response: { 201: InvoiceResource, 400: Problem, 401: Problem, 404: Problem, 409: Problem, 413: Problem, 415: Problem, 422: Problem, 503: Problem },
        },
        preParsing: jsonOnly('invoice'),
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const key = readIdempotencyKey(request.headers['idempotency-key']);
        const path = `/v1/customer-offers/${request.params.id}/invoice`;
        const print = key === null ? '' : fingerprint({ method: 'POST', path, accountId: caller.accountId, payload: request.body });
        const result = await idempotent(ctx.db, caller, key, print, created, (onCommit) => convertOfferToInvoice(ctx, caller, request.params.id, request.body, schemaErrors(request), onCommit));
        return sendIdempotent(reply, result);
      },
    );
  };
}
