import type { Config } from '../config.js';
import { FilePdfStore } from './file-store.js';
import type { PdfStore } from './pdf-store.js';
import { S3PdfStore } from './s3-store.js';

/** The PDF store named by the config; nothing connects until the first request. */
export function createPdfStore(config: Config['storage']): PdfStore {
  switch (config.kind) {
    case 'files':
      return new FilePdfStore(config.dir);
    case 's3':
      return new S3PdfStore(config);
  }
}
