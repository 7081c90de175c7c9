/**
 * The standard PDF fonts (Helvetica) speak WinAnsi (Windows-1252): € and the accents of Western European
 * languages, nothing else. pdfkit writes other characters as unrelated glyphs, so text is brought into WinAnsi
 * first: accents that WinAnsi lacks are dropped (ő → o, ł → l), anything else becomes `?`. An embedded
 * Unicode font would lift this; none is needed for Dutch and English.
 */

const CP1252_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const EXTRA = new Set([...CP1252_EXTRA]);
const FALLBACK: Record<string, string> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i', ß: 'ss', '\u202f': '\u00a0', '\u2009': ' ' };

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) as number;
  return char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || EXTRA.has(char);
}

export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    if (isWinAnsi(char)) out += char;
    else if (FALLBACK[char] !== undefined) out += FALLBACK[char];
    else {
      const bare = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += bare !== '' && [...bare].every(isWinAnsi) ? bare : '?';
    }
  }
  return out;
}

const DEFAULT_BRAND = '#1f4e79';

export function brandColor(value: string | null | undefined): string {
  return value && /^#[0-9a-fA-F]{6}$/.test(value) ? value.toLowerCase() : DEFAULT_BRAND;
}

/** Black or white, whichever reads better on the colour (WCAG relative luminance). */
export function textColorOn(hex: string): string {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return luminance > 0.4 ? '#000000' : '#ffffff';
}
