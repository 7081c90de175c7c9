import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { callerOf } from '../http/auth.js';
import { schemaErrors } from '../http/error-handler.js';
import { ProblemError } from '../http/problems.js';
import { Problem } from '../http/schemas.js';
import { getAccountDetails, LOGO_MAX_BYTES, LOGO_TYPES, putLogo, readLogo, removeLogo, updateAccountDetails } from './account-details.service.js';
import { AccountResource, UpdateAccountBody } from './account.schemas.js';

const errors = { 401: Problem };
const tags = ['account'];

const isLogoType = (header: string | undefined) => LOGO_TYPES.some((type) => type === header?.split(';')[0]?.trim().toLowerCase());

/** GET/PATCH /v1/account and its logo (ours): the business's details that invoices show. */
export function accountRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    // The logo comes as the image itself; these parsers exist only in this plugin, held to the logo's limit.
    app.addContentTypeParser([...LOGO_TYPES], { parseAs: 'buffer', bodyLimit: LOGO_MAX_BYTES }, (request, body, done) => {
      if (request.routeOptions.url === '/v1/account/logo') done(null, body);
      else done(new ProblemError('unsupported-media-type', 'This endpoint does not accept that Content-Type.'), undefined);
    });

    app.get('/v1/account', { config: { scope: 'account.read' }, schema: { tags, operationId: 'getAccount', summary: 'Get the business’s details', response: { 200: AccountResource, ...errors } } }, async (request) =>
      getAccountDetails(ctx, callerOf(request).accountId),
    );

    app.patch(
      '/v1/account',
      {
        attachValidation: true,
        config: { scope: 'account.write' },
        schema: { tags, operationId: 'updateAccount', summary: 'Change the business’s details', body: UpdateAccountBody, response: { 200: AccountResource, ...errors, 400: Problem, 415: Problem, 422: Problem } },
      },
      // The rules check every field (the CLI goes through them too); the schema's findings add what they do not know.
      async (request) => updateAccountDetails(ctx, callerOf(request).accountId, request.body, schemaErrors(request)),
    );

    app.put(
      '/v1/account/logo',
      {
        bodyLimit: LOGO_MAX_BYTES,
        config: { scope: 'account.write' },
        // Refused before the body is read: anything but the two image types (JSON, multipart, text) is a 415.
        onRequest: async (request) => {
          if (!isLogoType(request.headers['content-type'])) {
            throw new ProblemError('unsupported-media-type', 'Send the logo itself as the body, with Content-Type image/png or image/jpeg.');
          }
        },
        schema: {
          tags,
          operationId: 'putAccountLogo',
          summary: 'Upload the logo (PNG or JPEG, at most 1 MiB)',
          description:
            'The body is the image itself (`Content-Type: image/png` or `image/jpeg`), at most 1,048,576 bytes (413 above). Its type is read from ' +
            'its bytes: a PNG sent as `image/jpeg` is stored and served as `image/png`; anything but PNG or JPEG is 422. Replaces the logo.',
          ...({ 'x-body': [...LOGO_TYPES] } as object),
          response: { 200: AccountResource, ...errors, 413: Problem, 415: Problem, 422: Problem },
        },
      },
      async (request) => putLogo(ctx, callerOf(request).accountId, request.body as Buffer),
    );

    app.delete('/v1/account/logo', { config: { scope: 'account.write' }, schema: { tags, operationId: 'deleteAccountLogo', summary: 'Remove the logo', description: 'Answers 204 also when there was none.', response: { 204: { type: 'null' }, ...errors } } }, async (request, reply) => {
      await removeLogo(ctx, callerOf(request).accountId);
      return reply.code(204).send();
    });

    app.get(
      '/v1/account/logo',
      {
        config: { scope: 'account.read' },
        schema: {
          tags,
          operationId: 'getAccountLogo',
          summary: 'Get the logo image',
          description: 'The image as stored, `image/png` or `image/jpeg` by its bytes, never cached by shared caches; 404 without a logo.',
          ...({ 'x-binary': [...LOGO_TYPES] } as object),
          response: { ...errors, 404: Problem },
        },
      },
      async (request, reply) => {
        const logo = await readLogo(ctx, callerOf(request).accountId);
        return reply
          .header('content-type', logo.contentType)
          .header('content-disposition', `inline; filename="logo.${logo.contentType === 'image/png' ? 'png' : 'jpg'}"`)
          .header('etag', `"${logo.sha256}"`)
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "sandbox; default-src 'none'")
          .send(logo.bytes as never);
      },
    );
  };
}
