import { PNG } from 'pngjs';

/**
 * What a submitted signature must be, as plain functions (no HTTP): the form of signature-field.ts posts
 * `signature` (the drawing as a PNG data URL, empty when nothing was drawn) and `signatureName` (the typed name,
 * the keyboard-only way). A drawing wins when both came; its typed name, if any, is kept alongside.
 *
 * A typed name is kept as text (`type: 'typed'`, no PNG): pngjs cannot draw text and no font is installed to
 * rasterise one, and a server-made picture of the name would prove nothing the text does not. Whatever shows
 * the signature later (the portal, a signed PDF) writes the name in its own font.
 */

export const SIGNATURE_FIELDS = { drawn: 'signature', typed: 'signatureName' } as const;
export const SIGNATURE_MAX_BYTES = 200 * 1024;
const PREFIX = 'data:image/png;base64,';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// A canvas from a phone (≈ 300 × 150 CSS px) up to a wide screen at 3× pixel density; the area is checked in the
// header before anything is inflated, so a small file cannot unpack into gigabytes.
const MIN_WIDTH = 100;
const MIN_HEIGHT = 40;
const MAX_WIDTH = 4000;
const MAX_HEIGHT = 2000;
/** Pixels of ink (visible, darker than near-white): a stray dot or a click is not a signature. */
const MIN_INK_PIXELS = 50;
const NAME_MAX = 100;

export type SignatureProblem = 'missing' | 'not-data-url' | 'too-large' | 'not-png' | 'dimensions' | 'blank' | 'name-too-short' | 'name-too-long' | 'name-invalid';

export type CheckedSignature =
  | { ok: true; type: 'drawn'; png: Buffer; width: number; height: number; name: string | null }
  | { ok: true; type: 'typed'; png: null; name: string }
  | { ok: false; field: (typeof SIGNATURE_FIELDS)[keyof typeof SIGNATURE_FIELDS]; problem: SignatureProblem };

export type CheckedPng = { ok: true; png: Buffer; width: number; height: number } | { ok: false; problem: SignatureProblem };

/** English wording, for logs and an API; pages use signatureProblemText (nl/en) from signature-field.ts. */
export const SIGNATURE_PROBLEMS: Record<SignatureProblem, string> = {
  missing: 'Draw your signature or type your full name.',
  'not-data-url': 'The signature must be a data:image/png;base64 URL.',
  'too-large': `The signature must be at most ${SIGNATURE_MAX_BYTES / 1024} KB.`,
  'not-png': 'The signature is not a PNG image.',
  dimensions: `The signature image must be ${MIN_WIDTH}–${MAX_WIDTH} × ${MIN_HEIGHT}–${MAX_HEIGHT} pixels.`,
  blank: 'The signature is empty: draw it, or type your full name.',
  'name-too-short': 'Type your full name (at least 2 letters).',
  'name-too-long': `Your name must be at most ${NAME_MAX} characters.`,
  'name-invalid': 'Type your name in letters.',
};

export function checkSignature(fields: { signature?: string | undefined; signatureName?: string | undefined }): CheckedSignature {
  const drawing = (fields.signature ?? '').trim();
  const typed = (fields.signatureName ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (drawing !== '') {
    const png = checkSignaturePng(drawing);
    if (!png.ok) return { ok: false, field: SIGNATURE_FIELDS.drawn, problem: png.problem };
    const name = typed === '' ? null : checkTypedName(typed);
    if (name !== null && typeof name !== 'string') return { ok: false, field: SIGNATURE_FIELDS.typed, problem: name.problem };
    return { ok: true, type: 'drawn', png: png.png, width: png.width, height: png.height, name };
  }
  if (typed === '') return { ok: false, field: SIGNATURE_FIELDS.drawn, problem: 'missing' };
  const name = checkTypedName(typed);
  return typeof name === 'string' ? { ok: true, type: 'typed', png: null, name } : { ok: false, field: SIGNATURE_FIELDS.typed, problem: name.problem };
}

/** A name as a person types it: letters (any script) with spaces, dots, hyphens, apostrophes; no controls. */
function checkTypedName(name: string): string | { problem: SignatureProblem } {
  if ([...name].length > NAME_MAX) return { problem: 'name-too-long' };
  if (!/^[\p{L}\p{M}][\p{L}\p{M} .,'’-]*$/u.test(name)) return { problem: 'name-invalid' };
  if ((name.match(/\p{L}/gu) ?? []).length < 2) return { problem: 'name-too-short' };
  return name;
}

export function checkSignaturePng(dataUrl: string): CheckedPng {
  if (!dataUrl.startsWith(PREFIX)) return { ok: false, problem: 'not-data-url' };
  const base64 = dataUrl.slice(PREFIX.length);
  // Measured before decoding: base64 carries 3 bytes in 4 characters.
  if (base64.length > Math.ceil(SIGNATURE_MAX_BYTES / 3) * 4) return { ok: false, problem: 'too-large' };
  if (base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) return { ok: false, problem: 'not-data-url' };
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > SIGNATURE_MAX_BYTES) return { ok: false, problem: 'too-large' };
  // The PNG signature, then the IHDR chunk: the size is known before pngjs inflates anything.
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_MAGIC) || bytes.toString('latin1', 12, 16) !== 'IHDR') return { ok: false, problem: 'not-png' };
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < MIN_WIDTH || width > MAX_WIDTH || height < MIN_HEIGHT || height > MAX_HEIGHT) return { ok: false, problem: 'dimensions' };
  let image: PNG;
  try {
    image = PNG.sync.read(bytes);
  } catch {
    return { ok: false, problem: 'not-png' };
  }
  return inkPixels(image, MIN_INK_PIXELS) >= MIN_INK_PIXELS ? { ok: true, png: bytes, width, height } : { ok: false, problem: 'blank' };
}

/** Visible pixels darker than near-white, counted up to `enough`. */
function inkPixels(image: PNG, enough: number): number {
  const { data } = image;
  let count = 0;
  for (let i = 0; i < data.length && count < enough; i += 4) {
    const [r, g, b, a] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0, data[i + 3] ?? 0];
    if (a >= 64 && Math.min(r, g, b) < 224) count += 1;
  }
  return count;
}
