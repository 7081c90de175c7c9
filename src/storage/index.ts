import type { Config } from '../config.js';
import { FilePdfStore } from './file-store.js';
import type { PdfStore } from './pdf-store.js';

/** The PDF store named by the config; nothing connects until the first request. */
export async function createPdfStore(config: Config['storage']): Promise<PdfStore> {
  switch (config.kind) {
    case 'files':
      return new FilePdfStore(config.dir);
    case 's3': {
      // Loaded only when configured: the AWS SDK adds ~0.6 s and ~28 MB to every process that imports it.
      const { S3PdfStore } = await import('./s3-store.js');
      return new S3PdfStore(config);
    }
  }
}
