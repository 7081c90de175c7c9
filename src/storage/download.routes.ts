import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { Problem } from '../http/schemas.js';
import { readDownloadLink } from './download-links.js';
import { openDownload, sendDownload, unknownDownload } from './download-response.js';

/** Any string: a token that cannot be ours gets the same 404 as an expired one, never a 400 or 422. */
const TokenParams = Type.Object({ token: Type.String() });

/**
 * `GET /v1/downloads/{token}`: where every cloud-file link leads. Registered outside the API key's scope (the
 * link is the credential) and outside the per-key rate limit; no `config.scope`, as no key is involved.
 */
export function downloadRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/v1/downloads/:token',
      {
        schema: {
          tags: ['downloads'],
          operationId: 'downloadFile',
          summary: 'Download a file through a cloud-file link',
          description:
            'Where the `link` of every cloud-file response (`GET /v1/customer-invoices/{id}/pdf`, …) leads. Needs no API key: ' +
            'the link itself is the credential, so treat it as a secret. It serves that one file, as an attachment, until ' +
            'the response’s `expiresAt` (5 minutes); after that, or when any character of it is changed, it answers 404.',
          params: TokenParams,
          security: [],
          // The 200 body is the stored file, streamed; `x-binary` documents it (see http/openapi.ts).
          ...({ 'x-binary': 'application/pdf' } as object),
          response: { 404: Problem, 503: Problem },
        },
      },
      async (request, reply) => {
        const target = await readDownloadLink(ctx, request.params.token);
        const file = target && (await openDownload(ctx.store, target.key));
        // The file is gone when its last invoice was deleted meanwhile: the same 404 as any dead link.
        if (!target || !file) throw unknownDownload();
        return sendDownload(reply, target, file);
      },
    );
  };
}
