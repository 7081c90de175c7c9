// The parts of s3rver (an S3-compatible test server, untyped) that the tests use.
declare module 's3rver' {
  import { EventEmitter } from 'node:events';

  namespace S3rver {
    interface Options {
      address?: string;
      port?: number;
      silent?: boolean;
      directory?: string;
      resetOnClose?: boolean;
      allowMismatchedSignatures?: boolean;
      vhostBuckets?: boolean;
      configureBuckets?: { name: string }[];
    }

    /** What s3rver emits as 'event' for a Put, Post (multipart complete), Copy or Delete. */
    interface Event {
      Records: { eventName: string; s3: { bucket: { name: string }; object: { key: string; size?: number } } }[];
    }
  }

  class S3rver extends EventEmitter {
    constructor(options?: S3rver.Options);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }

  export = S3rver;
}
