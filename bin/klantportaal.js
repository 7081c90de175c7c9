#!/usr/bin/env -S node --max-semi-space-size=1 --max-old-space-size=512
// The compiled CLI; `npm install` builds dist/ through the `prepare` script.
// --max-semi-space-size=1: a small young generation lets the collector free the chunks of a streamed upload
// sooner, which keeps the peak memory of large uploads low (measured in test/e2e/upload-memory.test.ts).
// --max-old-space-size=512: with the default limit (about 4 GiB on a large machine) V8 lets the old generation grow
// far past what is alive under a high allocation rate (rendering PDFs at c=16: 31 MiB alive after a full collection,
// 250+ MiB resident); with a limit it collects before growing. 512 MiB is 16 times the live heap of a busy server.
import '../dist/main.js';
