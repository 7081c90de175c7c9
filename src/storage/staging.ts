import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomId } from '../lib/ids.js';
import { StorageUnavailableError } from './pdf-store.js';

/** Temp files start with this; `cleanupTemporary` removes whatever a crash left behind. */
export const TEMP_PREFIX = '.tmp-';

// Errors that mean "the disk cannot take this now", not "the request was bad".
const UNAVAILABLE = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO', 'EACCES', 'EPERM', 'EMFILE', 'ENFILE']);

export function translateFsError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code && UNAVAILABLE.has(code) ? new StorageUnavailableError(`PDF storage cannot take the write (${code})`) : error;
}

export interface StagedFile {
  path: string;
  sha256: string;
  size: number;
  head: Buffer;
}

/**
 * Streams `source` into a new temp file in `dir`, hashing on the way, so an upload is never whole in memory.
 * `flush` fsyncs the file before close (the file store renames it into place; the S3 store only reads it back).
 * On failure the temp file is gone.
 */
export async function stageToFile(source: Readable, dir: string, flush: boolean): Promise<StagedFile> {
  const temp = path.join(dir, `${TEMP_PREFIX}${randomId()}`);
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
  const sink = fs.createWriteStream(temp, { flush });
  try {
    await pipeline(source, meter, sink);
  } catch (error) {
    // The rm must come after the sink has closed its file: a sink still opening or flushing when pipeline
    // settles would recreate or keep the temp file behind the rm (CI once found a .tmp- file after a 400
    // for a multipart body cut short).
    if (!sink.closed) {
      const closed = new Promise<void>((resolve) => sink.once('close', () => resolve()));
      sink.destroy();
      await closed;
    }
    await fsp.rm(temp, { force: true });
    throw translateFsError(error);
  }
  return { path: temp, sha256: hash.digest('hex'), size, head };
}

/** Removes temp files in `dir` left by a crash; returns how many. */
export async function removeTempFiles(dir: string): Promise<number> {
  const names = await fsp.readdir(dir);
  const temps = names.filter((name) => name.startsWith(TEMP_PREFIX));
  await Promise.all(temps.map((name) => fsp.rm(path.join(dir, name), { force: true })));
  return temps.length;
}
