import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomId } from '../lib/ids.js';
import { KeyedMutex } from '../lib/keyed-mutex.js';
import { StorageUnavailableError, type PdfStore, type StagedPdf } from './pdf-store.js';

const TEMP_PREFIX = '.tmp-';
const SHA256 = /^[0-9a-f]{64}$/;
// Errors that mean "the disk cannot take this now", not "the request was bad".
const UNAVAILABLE = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO', 'EACCES', 'EPERM', 'EMFILE', 'ENFILE']);

function translate(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code && UNAVAILABLE.has(code) ? new StorageUnavailableError(`PDF storage cannot take the write (${code})`) : error;
}

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
    const temp = path.join(this.dir, `${TEMP_PREFIX}${randomId()}`);
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        size += chunk.length;
        if (head.length < 8) head = Buffer.concat([head, chunk.subarray(0, 8 - head.length)]);
        callback(null, chunk);
      },
    });
    try {
      // flush: the stream fsyncs the file before it closes.
      await pipeline(source, meter, fs.createWriteStream(temp, { flush: true }));
    } catch (error) {
      await fsp.rm(temp, { force: true });
      throw translate(error);
    }
    const sha256 = hash.digest('hex');
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
          throw translate(error);
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
      throw translate(error);
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

  async cleanupTemporary(): Promise<number> {
    const names = await fsp.readdir(this.dir);
    const temps = names.filter((name) => name.startsWith(TEMP_PREFIX));
    await Promise.all(temps.map((name) => fsp.rm(path.join(this.dir, name), { force: true })));
    return temps.length;
  }
}
