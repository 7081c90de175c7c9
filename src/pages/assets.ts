import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { SIGNATURE_FIELD_SCRIPT } from './signature-field.script.js';

/**
 * The scripts pages load, served from our own origin (no CDN: the CSP allows 'self' scripts only). Each is served
 * at `/assets/<name>.<hash>.<ext>`, cached for a year as immutable (a new version is a new URL), and at its plain
 * `/assets/<name>.<ext>`, revalidated by ETag. Pages link the hashed URL through `assetUrl`.
 */

export type AssetName = 'signature_pad.umd.min.js' | 'signature-field.js';

interface Asset {
  body: Buffer;
  etag: string;
  versioned: string;
}

let loaded: Map<AssetName, Asset> | null = null;

/** Read on first use, not at import: the package's file for signature_pad, our script for the field. */
function assets(): Map<AssetName, Asset> {
  if (loaded) return loaded;
  // The package exports only its entry points; its minified UMD build sits next to the `require` one.
  const signaturePad = path.join(path.dirname(createRequire(import.meta.url).resolve('signature_pad')), 'signature_pad.umd.min.js');
  const sources: [AssetName, Buffer][] = [
    ['signature_pad.umd.min.js', fs.readFileSync(signaturePad)],
    ['signature-field.js', Buffer.from(SIGNATURE_FIELD_SCRIPT, 'utf8')],
  ];
  loaded = new Map(
    sources.map(([name, body]) => {
      const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
      return [name, { body, etag: `"${hash}"`, versioned: name.replace(/\.js$/, `.${hash}.js`) }];
    }),
  );
  return loaded;
}

/** The immutable URL of an asset, for a page's `<script src>`. */
export function assetUrl(name: AssetName): string {
  const asset = assets().get(name);
  if (!asset) throw new Error(`unknown asset ${name}`);
  return `/assets/${asset.versioned}`;
}

export function assetRoutes(): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { file: string } }>('/assets/:file', { schema: { hide: true } }, async (request, reply) => {
      const { file } = request.params;
      const found = [...assets()].find(([name, asset]) => name === file || asset.versioned === file);
      if (!found) return reply.callNotFound();
      const [name, asset] = found;
      reply.headers({
        'content-type': 'text/javascript; charset=utf-8',
        etag: asset.etag,
        'cache-control': name === file ? 'public, no-cache' : 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
        'cross-origin-resource-policy': 'same-origin',
      });
      if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
      return reply.send(asset.body);
    });
  };
}
