import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { KeyedMutex } from '../lib/keyed-mutex.js';
import type { PdfStore, PublishedPdf, StagedPdf } from './pdf-store.js';
import { removeTempFiles, stageToFile, translateFsError } from './staging.js';

const SHA256 = /^[0-9a-f]{64}$/;
const PUBLISHED = /^[0-9a-f]{64}\.pdf$/;
const LIST_PAGE = 500;

async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * PDFs as files named by their SHA-256 in one directory. Write order, for durability:
 * temp file in the same directory → fsync → rename → fsync(directory); the caller commits the row after that.
 */
export class FilePdfStore implements PdfStore {
  private readonly mutex = new KeyedMutex();

  constructor(private readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  private finalPath(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error('not a sha256');
    return path.join(this.dir, `${sha256}.pdf`);
  }

  async stage(source: Readable): Promise<StagedPdf> {
    // flush: the temp file is fsync'd before it is renamed into place.
    const { path: temp, sha256, size, head } = await stageToFile(source, this.dir, true);
    const final = this.finalPath(sha256);
    let settled = false;
    const dir = this.dir;
    return {
      sha256,
      size,
      head,
      async publish() {
        try {
          const existed = await fsp.access(final).then(
            () => true,
            () => false,
          );
          await fsp.rename(temp, final);
          settled = true;
          await fsyncDirectory(dir);
          return { created: !existed };
        } catch (error) {
          throw translateFsError(error);
        }
      },
      async discard() {
        if (!settled) await fsp.rm(temp, { force: true });
        settled = true;
      },
    };
  }

  async open(sha256: string) {
    try {
      const stat = await fsp.stat(this.finalPath(sha256));
      return { size: stat.size, stream: fs.createReadStream(this.finalPath(sha256)) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw translateFsError(error);
    }
  }

  async remove(sha256: string): Promise<void> {
    await fsp.rm(this.finalPath(sha256), { force: true });
    await fsyncDirectory(this.dir);
  }

  lockHash<T>(sha256: string, work: () => Promise<T>): Promise<T> {
    return this.mutex.run(sha256, work);
  }

  async check(): Promise<void> {
    await fsp.access(this.dir, fs.constants.W_OK);
  }

  async *listPublished(): AsyncIterable<PublishedPdf[]> {
    const names = (await fsp.readdir(this.dir)).filter((name) => PUBLISHED.test(name));
    for (let i = 0; i < names.length; i += LIST_PAGE) {
      yield names.slice(i, i + LIST_PAGE).map((name) => {
        const file = path.join(this.dir, name);
        return {
          sha256: name.slice(0, 64),
          modifiedAt: () => fsp.stat(file).then((stat) => stat.mtime, () => null),
        };
      });
    }
  }

  cleanupTemporary(): Promise<number> {
    return removeTempFiles(this.dir);
  }

  async close(): Promise<void> {
    // Nothing held open between requests.
  }
}
