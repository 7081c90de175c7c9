import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { createPdfStore } from '../../src/storage/index.js';
import type { PdfStore } from '../../src/storage/pdf-store.js';
import { startS3Server } from '../helpers/s3.js';
import { tempDir } from '../helpers/server.js';

/** One backend under test, built through config.ts and the factory exactly as the app builds it. */
interface Harness {
  store: PdfStore;
  /** SHA-256s of the published PDFs. */
  published(): Promise<string[]>;
  /** Temp files (or objects) the backend holds. */
  temps(): Promise<string[]>;
  /** Makes the backend unreachable, then reachable again. */
  takeAway(): Promise<void>;
  bringBack(): Promise<void>;
  close(): Promise<void>;
}

const pdfNames = (names: string[]) => names.filter((n) => n.endsWith('.pdf')).map((n) => path.basename(n, '.pdf')).sort();
const tempNames = async (dir: string) => (await fs.readdir(dir)).filter((n) => n.startsWith('.tmp-'));

const backends: { name: string; open(): Promise<Harness> }[] = [
  {
    name: 'files',
    async open() {
      const dataDir = await tempDir();
      const config = loadConfig({ DATA_DIR: dataDir });
      assert.equal(config.storage.kind, 'files');
      const dir = config.storage.dir;
      const store = await createPdfStore(config.storage);
      return {
        store,
        published: async () => pdfNames(await fs.readdir(dir)),
        temps: () => tempNames(dir),
        takeAway: () => fs.rename(dir, `${dir}-away`),
        bringBack: () => fs.rename(`${dir}-away`, dir),
        async close() {
          await store.close();
          await fs.rm(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 's3 (s3rver through the AWS client)',
    async open() {
      const s3 = await startS3Server();
      const dataDir = await tempDir();
      const config = loadConfig({ DATA_DIR: dataDir, ...s3.env });
      assert.equal(config.storage.kind, 's3');
      const staging = config.storage.stagingDir;
      const store = await createPdfStore(config.storage);
      return {
        store,
        published: async () => pdfNames(await s3.keys()),
        // Staging files; a multipart upload cut short is aborted by lib-storage (or by the bucket's lifecycle rule).
        temps: () => tempNames(staging),
        takeAway: () => s3.stop(),
        bringBack: () => s3.start(),
        async close() {
          await store.close();
          await s3.close();
          await fs.rm(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
];

const MiB = 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const pdf = (size = 2048) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);
/** A source that hands the bytes over in 64 KiB chunks, as a socket would. */
const source = (bytes: Buffer) => Readable.from((function* () {
  for (let i = 0; i < bytes.length; i += 64 * 1024) yield bytes.subarray(i, i + 64 * 1024);
})());

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

for (const backend of backends) {
  describe(`PDF store contract: ${backend.name}`, () => {
    let h: Harness;
    before(async () => {
      h = await backend.open();
    });
    after(() => h.close());

    async function roundTrip(bytes: Buffer): Promise<void> {
      const staged = await h.store.stage(source(bytes));
      assert.equal(staged.sha256, sha256(bytes));
      assert.equal(staged.size, bytes.length);
      assert.deepEqual(staged.head, bytes.subarray(0, 8));
      assert.deepEqual(await staged.publish(), { created: true });
      await staged.discard();
      const stored = await h.store.open(staged.sha256);
      assert.ok(stored);
      assert.equal(stored.size, bytes.length);
      const back = await readAll(stored.stream);
      assert.equal(back.length, bytes.length);
      assert.ok(back.equals(bytes), 'byte-identical');
      assert.ok((await h.published()).includes(staged.sha256));
      assert.deepEqual(await h.temps(), []);
    }

    it('stage → publish → open: a small PDF comes back byte-identical, no temp left', () => roundTrip(pdf()));

    it('stage → publish → open: 12 MiB (several S3 parts) comes back byte-identical', () => roundTrip(pdf(12 * MiB + 12345)));

    it('publishing bytes that are already stored reports created=false and keeps one copy', async () => {
      const bytes = pdf();
      const first = await h.store.stage(source(bytes));
      assert.deepEqual(await first.publish(), { created: true });
      await first.discard();
      const again = await h.store.stage(source(bytes));
      assert.deepEqual(await again.publish(), { created: false });
      await again.discard();
      assert.equal((await h.published()).filter((s) => s === first.sha256).length, 1);
      const stored = await h.store.open(first.sha256);
      assert.ok(stored && (await readAll(stored.stream)).equals(bytes));
      assert.deepEqual(await h.temps(), []);
    });

    it('discard leaves nothing behind, may be called twice, and does not touch published bytes', async () => {
      const before = await h.published();
      const staged = await h.store.stage(source(pdf()));
      assert.equal((await h.temps()).length, 1, 'staged bytes wait in a temp file');
      await staged.discard();
      await staged.discard();
      assert.deepEqual(await h.temps(), []);
      assert.deepEqual(await h.published(), before);
      assert.equal(await h.store.open(staged.sha256), null);
    });

    it('a source that fails mid-stream rejects stage() and leaves no temp file', async () => {
      const broken = Readable.from((async function* () {
        yield pdf(4096);
        throw new Error('client went away');
      })());
      await assert.rejects(h.store.stage(broken), /client went away/);
      assert.deepEqual(await h.temps(), []);
    });

    it('remove deletes the bytes; removing or opening an absent hash is harmless', async () => {
      const staged = await h.store.stage(source(pdf()));
      await staged.publish();
      await staged.discard();
      await h.store.remove(staged.sha256);
      assert.equal(await h.store.open(staged.sha256), null);
      assert.ok(!(await h.published()).includes(staged.sha256));
      await h.store.remove(staged.sha256);
      assert.equal(await h.store.open('0'.repeat(64)), null);
    });

    it('cleanupTemporary removes what a crash left staged, and nothing published', async () => {
      const published = await h.published();
      // Staged and never published nor discarded: what a process killed mid-request leaves.
      await h.store.stage(source(pdf()));
      await h.store.stage(source(pdf()));
      assert.equal(await h.store.cleanupTemporary(), 2);
      assert.deepEqual(await h.temps(), []);
      assert.deepEqual(await h.published(), published);
      assert.equal(await h.store.cleanupTemporary(), 0);
    });

    it('listPublished lists exactly the published hashes, with their modification time', async () => {
      const staged = await h.store.stage(source(pdf()));
      await staged.publish();
      await staged.discard();
      await h.store.stage(source(pdf())); // staged only: not listed
      const listed = new Map<string, Date | null>();
      for await (const page of h.store.listPublished()) for (const item of page) listed.set(item.sha256, await item.modifiedAt());
      assert.deepEqual([...listed.keys()].sort(), [...(await h.published())].sort());
      const modified = listed.get(staged.sha256);
      assert.ok(modified instanceof Date && Math.abs(modified.getTime() - Date.now()) < 10 * 60_000, String(modified));
      await h.store.cleanupTemporary();
    });

    // Paging is S3's (a listing answers at most 1,000 keys); the file store lists its directory in one read.
    const pagedListing = backend.name.startsWith('s3') ? false : 'one directory read: no pages to follow';
    it('listPublished pages through more than 1,000 PDFs (an S3 listing answers 1,000 keys a page)', { skip: pagedListing }, async () => {
      const before = new Set(await h.published());
      const added: string[] = [];
      for (let i = 0; i < 1010; i += 25) {
        await Promise.all(
          Array.from({ length: 25 }, async () => {
            const staged = await h.store.stage(source(pdf(64)));
            await staged.publish();
            await staged.discard();
            added.push(staged.sha256);
          }),
        );
      }
      const listed: string[] = [];
      for await (const page of h.store.listPublished()) listed.push(...page.map((item) => item.sha256));
      assert.equal(listed.length, new Set(listed).size, 'no hash listed twice');
      assert.deepEqual(listed.sort(), [...before, ...added].sort());
      assert.deepEqual((await h.published()).sort(), listed);
    });

    it('lockHash runs work on one hash one at a time', async () => {
      const order: string[] = [];
      const work = (name: string) => async () => {
        order.push(`${name}:start`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push(`${name}:end`);
      };
      await Promise.all([h.store.lockHash('a'.repeat(64), work('one')), h.store.lockHash('a'.repeat(64), work('two'))]);
      assert.deepEqual(order, ['one:start', 'one:end', 'two:start', 'two:end']);
    });

    it('check() passes while the backend answers, fails while it is gone, and passes again after', async () => {
      await h.store.check();
      await h.takeAway();
      try {
        await assert.rejects(h.store.check());
      } finally {
        await h.bringBack();
      }
      await h.store.check();
    });
  });
}
