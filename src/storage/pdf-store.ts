import type { Readable } from 'node:stream';

/** An upload written to a temporary object and checked; not yet visible under its hash. */
export interface StagedPdf {
  readonly sha256: string;
  readonly size: number;
  /** The first bytes of the upload (up to 8), for the signature check. */
  readonly head: Buffer;
  /** Makes the bytes durable under their hash. `created` is false when identical bytes were already stored. */
  publish(): Promise<{ created: boolean }>;
  /** Forgets the upload; safe to call more than once and after a failed publish. */
  discard(): Promise<void>;
}

/** One published PDF as a listing sees it; the age is looked up only for the few that need it. */
export interface PublishedPdf {
  readonly sha256: string;
  modifiedAt(): Promise<Date | null>;
}

export interface StoredPdf {
  size: number;
  stream: Readable;
}

/**
 * Content-addressed PDF storage. Implementations: `file-store.ts` (DATA_DIR) and `s3-store.ts` (S3-compatible).
 * Callers serialise publish/remove of one hash through `lockHash` so a failed upload can never
 * delete bytes that a concurrent upload of the same file is about to reference.
 */
export interface PdfStore {
  stage(source: Readable): Promise<StagedPdf>;
  open(sha256: string): Promise<StoredPdf | null>;
  remove(sha256: string): Promise<void>;
  lockHash<T>(sha256: string, work: () => Promise<T>): Promise<T>;
  /** Throws when the store cannot take a write. */
  check(): Promise<void>;
  /** Every published PDF, in pages (for the orphan sweep). */
  listPublished(): AsyncIterable<PublishedPdf[]>;
  /** Removes temporary objects left by a crash; returns how many. */
  cleanupTemporary(): Promise<number>;
  /** Releases connections; the store is not used afterwards. */
  close(): Promise<void>;
}

/** The disk or store cannot take the bytes (full, read-only, gone): the client may retry later. */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
}
