import type { Config } from '../config.js';
import { FilePdfStore } from './file-store.js';
import type { PdfStore } from './pdf-store.js';

export function createPdfStore(config: Config['storage']): PdfStore {
  switch (config.kind) {
    case 'files':
      return new FilePdfStore(config.dir);
  }
}
