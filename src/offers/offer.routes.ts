import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { callerOf } from '../http/auth.js';
import { schemaErrors } from '../http/error-handler.js';
import { fingerprint, idempotent, readIdempotencyKey, sendIdempotent } from '../http/idempotency.js';
import { ProblemError } from '../http/problems.js';
import { requestFullyRead } from '../http/request-timeout.js';
import { CloudFile, Problem } from '../http/schemas.js';
import { openDownload, sendDownload, wantsBytes } from '../storage/download-response.js';
import { readPdfUpload } from '../storage/pdf-upload.js';
import { deleteOffer, updateOffer } from './offer-change.service.js';
import { listOffers } from './offer-list.service.js';
import { OFFER_FIELDS } from './offer.rules.js';
import { CreateOfferForm, OfferIdParams, OfferList, OfferListQuery, OfferResource, UpdateOfferBody, type Offer } from './offer.schemas.js';
import { createOffer, getOffer, offerPdf, offerPdfLink } from './offer.service.js';

const errors = { 401: Problem, 404: Problem };
const tags = ['customer offers'];

const created = (offer: Offer) => ({ status: 201, body: offer, location: offer.links.self.href });

/** The Customer Offers section (reference 3.7) from uploaded PDFs; routes stay thin. */
export function offerRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/v1/customer-offers',
      {
        config: { scope: 'offers.write' },
        schema: {
          tags, operationId: 'createCustomerOffer', summary: 'Create a customer offer (multipart, with its PDF)',
          consumes: ['multipart/form-data'],
          // Documentation only: the multipart body is streamed and checked by offer.rules.ts.
          ...({ 'x-form': CreateOfferForm } as object),
          response: { 201: OfferResource, 401: Problem, 400: Problem, 409: Problem, 413: Problem, 415: Problem, 422: Problem, 503: Problem },
        },
        preParsing: async (request) => {
          const type = request.headers['content-type'] ?? '';
          if (!/^multipart\/form-data(;|$)/i.test(type.trim())) {
            throw new ProblemError('unsupported-media-type', 'Send the offer as multipart/form-data (curl: --form).');
          }
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const key = readIdempotencyKey(request.headers['idempotency-key']);
        const upload = await readPdfUpload(request, ctx.store, ctx.config.maxPdfBytes, OFFER_FIELDS);
        requestFullyRead(request);
        try {
          // "The same request" is the same fields and the same PDF bytes, as for invoices.
          const print =
            key === null
              ? ''
              : fingerprint({
                  method: 'POST',
                  path: '/v1/customer-offers',
                  accountId: caller.accountId,
                  payload: { fields: Object.fromEntries(upload.fields), pdf: upload.pdf?.sha256 ?? null },
                });
          const result = await idempotent(ctx.db, caller, key, print, created, (onCommit) => createOffer(ctx, caller, upload, onCommit));
          return sendIdempotent(reply, result);
        } finally {
          await upload.pdf?.discard();
        }
      },
    );

    app.get(
      '/v1/customer-offers',
      {
        config: { scope: 'offers.read' },
        attachValidation: true,
        schema: { tags, operationId: 'listCustomerOffers', summary: 'List customer offers, newest first', querystring: OfferListQuery, response: { 200: OfferList, 401: Problem, 422: Problem } },
      },
      async (request) => listOffers(ctx, callerOf(request), request.query, schemaErrors(request)),
    );

    app.get(
      '/v1/customer-offers/:id',
      { config: { scope: 'offers.read' }, schema: { tags, operationId: 'getCustomerOffer', summary: 'Get a customer offer', params: OfferIdParams, response: { 200: OfferResource, ...errors } } },
      async (request) => getOffer(ctx, callerOf(request), request.params.id),
    );

    app.patch(
      '/v1/customer-offers/:id',
      {
        // The schema's findings go to the service, which adds the decision's own rules: one 422 names every bad field.
        config: { scope: 'offers.write' },
        attachValidation: true,
        schema: {
          tags, operationId: 'updateCustomerOffer', summary: 'Mark a customer offer accepted or rejected',
          description: UpdateOfferBody.description,
          params: OfferIdParams,
          body: UpdateOfferBody,
          response: { 200: OfferResource, ...errors, 400: Problem, 409: Problem, 415: Problem, 422: Problem },
        },
      },
      async (request) => updateOffer(ctx, callerOf(request), request.params.id, request.body, schemaErrors(request)),
    );

    app.delete(
      '/v1/customer-offers/:id',
      { config: { scope: 'offers.write' }, schema: { tags, operationId: 'deleteCustomerOffer', summary: 'Delete a customer offer', params: OfferIdParams, response: { 204: { type: 'null' }, ...errors } } },
      async (request, reply) => {
        await deleteOffer(ctx, callerOf(request), request.params.id);
        return reply.code(204).send();
      },
    );

    app.get(
      '/v1/customer-offers/:id/pdf',
      {
        config: { scope: 'offers.read' },
        schema: {
          tags: [...tags, 'downloads'], operationId: 'getCustomerOfferPdf', summary: 'Get the offer PDF as a cloud-file link',
          description:
            'Answers the cloud-file response: `link` downloads the PDF without an API key until `expiresAt` (5 minutes). ' +
            'Extension: with `Accept: application/pdf` the PDF itself is streamed instead, with the same headers as the link’s download.',
          params: OfferIdParams,
          ...({ 'x-binary': 'application/pdf' } as object),
          response: { 200: CloudFile, ...errors, 503: Problem },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        if (!wantsBytes(request.headers.accept, 'application/pdf')) return offerPdfLink(ctx, caller, request.params.id);
        const target = await offerPdf(ctx, caller, request.params.id);
        const pdf = await openDownload(ctx.store, target.key);
        // A row without its bytes is our failure, never the client's: it is logged and answered 500.
        if (!pdf) throw new Error(`PDF ${target.key} of offer ${request.params.id} is missing from the store`);
        return sendDownload(reply, target, pdf);
      },
    );
  };
}
