#!/usr/bin/env -S node --max-semi-space-size=1
// The compiled CLI; `npm install` builds dist/ through the `prepare` script.
// --max-semi-space-size=1: a small young generation lets the collector free the chunks of a streamed upload
// sooner, which keeps the peak memory of large uploads low (measured in test/e2e/upload-memory.test.ts).
import '../dist/main.js';
