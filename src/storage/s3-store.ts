import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { pipeline, Readable, Transform } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { S3StorageConfig } from '../config.js';
import { KeyedMutex } from '../lib/keyed-mutex.js';
import type { PdfStore, PublishedPdf, StagedPdf, StoredPdf } from './pdf-store.js';
import { isNotFound, translateS3Error } from './s3-errors.js';
import { removeTempFiles, stageToFile } from './staging.js';

const SHA256 = /^[0-9a-f]{64}$/;
/**
 * lib-storage buffers one part in memory per concurrent uploader; 5 MiB is its (and S3's) smallest part.
 * With one uploader per publish, a PDF of any size costs at most ~5 MiB of RAM while it is sent.
 */
const PART_SIZE = 5 * 1024 * 1024;
const CHECK_TIMEOUT_MS = 3000;

/** Passes the bytes through and fails at the end unless they hash to `sha256` (the staged file changed). */
function verifying(sha256: string): Transform {
  const hash = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      const actual = hash.digest('hex');
      callback(actual === sha256 ? null : new Error(`staged PDF changed on disk: expected sha256 ${sha256}, read ${actual}`));
    },
  });
}

/**
 * PDFs as objects `pdfs/<sha256>.pdf` in an S3-compatible bucket.
 *
 * An upload is first streamed to a temp file in a local staging directory while it is hashed (never whole in
 * memory), so the SHA-256 is known before anything is sent. publish() then streams that file to S3 through
 * lib-storage and resolves only after S3 acknowledged the write; the caller commits the row after that.
 * - Up to PART_SIZE: one PutObject carrying `x-amz-checksum-sha256` (the whole object's SHA-256); S3 recomputes
 *   it and rejects the PUT (BadDigest) on a mismatch, and acknowledges only once the object is durably stored.
 * - Larger: a multipart upload with ChecksumAlgorithm SHA256; the SDK sends each part's SHA-256 and S3 checks it
 *   (SHA-256 has no whole-object form for multipart). The bytes read back from the staging file are re-hashed on
 *   the way out, and a mismatch fails the upload before it is completed, so the key always names its content.
 * The client asks for checksums only WHEN_REQUIRED: otherwise recent SDKs stream every PUT as `aws-chunked` with
 * a trailing CRC32, which old S3-compatible servers (s3rver among them) store verbatim, framing included. s3rver
 * ignores x-amz-checksum-* headers altogether (accepts a wrong one, stores none), so against it the checksum is
 * only sent, not checked; test/storage/s3-wire.test.ts shows what goes on the wire.
 */
export class S3PdfStore implements PdfStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly stagingDir: string;
  // Serialises publish/remove of one hash within this process only. Across processes a failed create could
  // still remove an object another process has just referenced; the PostgreSQL work moves that lock into the
  // database, where every process sees it.
  private readonly mutex = new KeyedMutex();

  constructor(config: S3StorageConfig) {
    this.bucket = config.bucket;
    this.stagingDir = config.stagingDir;
    fs.mkdirSync(this.stagingDir, { recursive: true });
    // Constructing the client opens no connection; the first request does.
    this.client = new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      forcePathStyle: config.forcePathStyle,
      ...(config.credentials ? { credentials: config.credentials } : {}),
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
      // A store that does not answer must turn into a 503, not a request that hangs.
      requestHandler: { connectionTimeout: 3000, requestTimeout: 30_000 },
    });
  }

  private key(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error('not a sha256');
    return `pdfs/${sha256}.pdf`;
  }

  async stage(source: Readable): Promise<StagedPdf> {
    // No fsync: the staging file is only read back by publish(); durability comes from S3's acknowledgement.
    const staged = await stageToFile(source, this.stagingDir, false);
    const key = this.key(staged.sha256);
    let removed = false;
    const removeTemp = async () => {
      if (!removed) await fsp.rm(staged.path, { force: true });
      removed = true;
    };
    return {
      sha256: staged.sha256,
      size: staged.size,
      head: staged.head,
      publish: async () => {
        try {
          // Content-addressed: an object under this key already holds exactly these bytes.
          if (await this.exists(key)) return { created: false };
          await this.upload(key, staged.path, staged.sha256, staged.size);
          return { created: true };
        } catch (error) {
          throw translateS3Error(error);
        } finally {
          await removeTemp();
        }
      },
      discard: removeTemp,
    };
  }

  private async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  private async upload(key: string, file: string, sha256: string, size: number): Promise<void> {
    // The callback form of pipeline hands a read error on to the last stream, which lib-storage is reading.
    const body = pipeline(fs.createReadStream(file), verifying(sha256), () => {});
    const checksum = size <= PART_SIZE ? { ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64') } : { ChecksumAlgorithm: 'SHA256' as const };
    const upload = new Upload({
      client: this.client,
      partSize: PART_SIZE,
      queueSize: 1,
      leavePartsOnError: false,
      params: { Bucket: this.bucket, Key: key, Body: body, ContentLength: size, ContentType: 'application/pdf', ...checksum },
    });
    try {
      await upload.done();
    } finally {
      body.destroy();
    }
  }

  async open(sha256: string): Promise<StoredPdf | null> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.key(sha256) }));
      // In Node the SDK's body is the HTTP response itself: streamed, never buffered.
      if (!(out.Body instanceof Readable) || out.ContentLength === undefined) throw new Error(`S3 GetObject of ${sha256} returned no stream or length`);
      return { size: out.ContentLength, stream: out.Body };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw translateS3Error(error);
    }
  }

  async remove(sha256: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.key(sha256) }));
    } catch (error) {
      throw translateS3Error(error);
    }
  }

  lockHash<T>(sha256: string, work: () => Promise<T>): Promise<T> {
    return this.mutex.run(sha256, work);
  }

  async check(): Promise<void> {
    await fsp.access(this.stagingDir, fs.constants.W_OK);
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }), { abortSignal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
    } catch (error) {
      throw translateS3Error(error);
    }
  }

  async *listPublished(): AsyncIterable<PublishedPdf[]> {
    let token: string | undefined;
    do {
      const page = await this.client
        .send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: 'pdfs/', ContinuationToken: token }))
        .catch((error: unknown) => {
          throw translateS3Error(error);
        });
      const items: PublishedPdf[] = [];
      for (const object of page.Contents ?? []) {
        const sha256 = /^pdfs\/([0-9a-f]{64})\.pdf$/.exec(object.Key ?? '')?.[1];
        const modified = object.LastModified ?? null;
        if (sha256) items.push({ sha256, modifiedAt: async () => modified });
      }
      if (items.length > 0) yield items;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /**
   * Removes staging files left by a crash. A crash mid multipart upload also leaves an incomplete upload in the
   * bucket (invisible, but billed): the bucket's lifecycle rule AbortIncompleteMultipartUpload removes those,
   * since listing them is not something every S3-compatible store offers (s3rver does not).
   */
  cleanupTemporary(): Promise<number> {
    return removeTempFiles(this.stagingDir);
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
