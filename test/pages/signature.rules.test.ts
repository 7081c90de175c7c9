import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { checkSignature, checkSignaturePng, SIGNATURE_MAX_BYTES } from '../../src/pages/signature.rules.js';

/** Real PNGs made with pngjs: a transparent canvas, and strokes drawn on it like signature_pad's ink. */
function canvas(width: number, height: number, fill: [number, number, number, number] = [0, 0, 0, 0]): PNG {
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i += 4) png.data.set(fill, i);
  return png;
}

function stroke(png: PNG, from: [number, number], to: [number, number], colour: [number, number, number, number] = [17, 24, 39, 255]): PNG {
  const steps = Math.max(Math.abs(to[0] - from[0]), Math.abs(to[1] - from[1]));
  for (let s = 0; s <= steps; s += 1) {
    const x = Math.round(from[0] + ((to[0] - from[0]) * s) / steps);
    const y = Math.round(from[1] + ((to[1] - from[1]) * s) / steps);
    for (const dy of [-1, 0, 1]) png.data.set(colour, ((y + dy) * png.width + x) * 4);
  }
  return png;
}

const dataUrl = (bytes: Buffer, type = 'image/png') => `data:${type};base64,${bytes.toString('base64')}`;
const encode = (png: PNG) => PNG.sync.write(png);
const drawing = () => encode(stroke(stroke(canvas(600, 200), [40, 150], [300, 40]), [300, 40], [560, 160]));
/** The start of a real JFIF file: what a JPEG renamed to .png looks like. */
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010101004800480000ffdb004300', 'hex'), randomBytes(400), Buffer.from('ffd9', 'hex')]);

describe('signature rules: the drawn PNG', () => {
  it('accepts a drawing and hands back its bytes and size', () => {
    const bytes = drawing();
    const checked = checkSignaturePng(dataUrl(bytes));
    assert.deepEqual(checked, { ok: true, png: bytes, width: 600, height: 200 });
  });

  it('refuses a blank canvas: transparent, opaque white, or a single dot', () => {
    assert.deepEqual(checkSignaturePng(dataUrl(encode(canvas(600, 200)))), { ok: false, problem: 'blank' });
    assert.deepEqual(checkSignaturePng(dataUrl(encode(canvas(600, 200, [255, 255, 255, 255])))), { ok: false, problem: 'blank' });
    assert.deepEqual(checkSignaturePng(dataUrl(encode(stroke(canvas(600, 200, [255, 255, 255, 255]), [10, 10], [12, 10])))), { ok: false, problem: 'blank' });
    // Near-white or almost transparent strokes are no ink either.
    assert.deepEqual(checkSignaturePng(dataUrl(encode(stroke(canvas(600, 200), [40, 100], [500, 100], [240, 240, 240, 255])))), { ok: false, problem: 'blank' });
    assert.deepEqual(checkSignaturePng(dataUrl(encode(stroke(canvas(600, 200), [40, 100], [500, 100], [0, 0, 0, 20])))), { ok: false, problem: 'blank' });
  });

  it('refuses a tiny image and one too large in either direction, reading the size before inflating', () => {
    assert.deepEqual(checkSignaturePng(dataUrl(encode(stroke(canvas(40, 20), [2, 10], [38, 10])))), { ok: false, problem: 'dimensions' });
    assert.deepEqual(checkSignaturePng(dataUrl(encode(stroke(canvas(4100, 100), [2, 50], [4000, 50])))), { ok: false, problem: 'dimensions' });
    assert.deepEqual(checkSignaturePng(dataUrl(encode(stroke(canvas(400, 2100), [2, 50], [300, 50])))), { ok: false, problem: 'dimensions' });
    // A header that claims 100,000 × 100,000 pixels (40 GB once inflated) is refused by the header alone.
    const bomb = Buffer.from(drawing());
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20);
    assert.deepEqual(checkSignaturePng(dataUrl(bomb)), { ok: false, problem: 'dimensions' });
  });

  it('refuses more than 200 KB, before and after decoding', () => {
    const noise = canvas(1000, 800);
    noise.data.set(randomBytes(noise.data.length));
    const big = encode(noise);
    assert.ok(big.length > SIGNATURE_MAX_BYTES, `${big.length} bytes`);
    assert.deepEqual(checkSignaturePng(dataUrl(big)), { ok: false, problem: 'too-large' });
    // 200 KB and one byte: the base64 text is as long as the limit allows, the bytes are not.
    const justOver = Buffer.concat([drawing(), Buffer.alloc(SIGNATURE_MAX_BYTES + 1)]).subarray(0, SIGNATURE_MAX_BYTES + 1);
    assert.deepEqual(checkSignaturePng(dataUrl(justOver)), { ok: false, problem: 'too-large' });
  });

  it('refuses what is not a PNG: text, a JPEG called PNG, a broken PNG', () => {
    assert.deepEqual(checkSignaturePng(dataUrl(Buffer.from('hello, I am a signature'))), { ok: false, problem: 'not-png' });
    assert.deepEqual(checkSignaturePng(dataUrl(JPEG)), { ok: false, problem: 'not-png' });
    const broken = Buffer.from(drawing());
    broken.writeUInt8((broken.readUInt8(broken.length - 20) ^ 0xff), broken.length - 20); // inside the image data: its CRC no longer matches
    assert.deepEqual(checkSignaturePng(dataUrl(broken)), { ok: false, problem: 'not-png' });
    assert.deepEqual(checkSignaturePng(dataUrl(drawing().subarray(0, 200))), { ok: false, problem: 'not-png' });
  });

  it('refuses what is not a PNG data URL', () => {
    const bytes = drawing();
    for (const value of [bytes.toString('base64'), dataUrl(bytes, 'image/jpeg'), dataUrl(JPEG, 'image/jpeg'), `data:image/png,${bytes.toString('base64')}`, `${dataUrl(bytes)}!`, `${dataUrl(bytes)}=`, 'javascript:alert(1)']) {
      assert.deepEqual(checkSignaturePng(value), { ok: false, problem: 'not-data-url' }, value.slice(0, 40));
    }
  });
});

describe('signature rules: the form fields', () => {
  it('a drawing wins, and a typed name given as well is kept with it', () => {
    const bytes = drawing();
    assert.deepEqual(checkSignature({ signature: dataUrl(bytes) }), { ok: true, type: 'drawn', png: bytes, width: 600, height: 200, name: null });
    assert.deepEqual(checkSignature({ signature: dataUrl(bytes), signatureName: '  Jan   de Vries ' }), { ok: true, type: 'drawn', png: bytes, width: 600, height: 200, name: 'Jan de Vries' });
  });

  it('a typed name alone is the signature, as text', () => {
    assert.deepEqual(checkSignature({ signature: '', signatureName: 'Zoë O’Brien-Çelik' }), { ok: true, type: 'typed', png: null, name: 'Zoë O’Brien-Çelik' });
    assert.deepEqual(checkSignature({ signatureName: 'Jan\tJansen\n' }), { ok: true, type: 'typed', png: null, name: 'Jan Jansen' });
  });

  it('names the field that failed', () => {
    assert.deepEqual(checkSignature({}), { ok: false, field: 'signature', problem: 'missing' });
    assert.deepEqual(checkSignature({ signature: ' ', signatureName: '  ' }), { ok: false, field: 'signature', problem: 'missing' });
    assert.deepEqual(checkSignature({ signature: dataUrl(encode(canvas(600, 200))), signatureName: 'Jan' }), { ok: false, field: 'signature', problem: 'blank' });
    assert.deepEqual(checkSignature({ signatureName: 'J' }), { ok: false, field: 'signatureName', problem: 'name-too-short' });
    assert.deepEqual(checkSignature({ signatureName: 'x'.repeat(101) }), { ok: false, field: 'signatureName', problem: 'name-too-long' });
    for (const name of ['<script>', '12345', 'Jan\u0000Jansen', '- Jan', 'Jan 😀']) {
      assert.deepEqual(checkSignature({ signatureName: name }), { ok: false, field: 'signatureName', problem: 'name-invalid' }, name);
    }
    assert.deepEqual(checkSignature({ signature: dataUrl(drawing()), signatureName: '<b>' }), { ok: false, field: 'signatureName', problem: 'name-invalid' });
  });
});
