import QRCode from 'qrcode';

/**
 * The EPC "scan to pay" QR code (EPC069-12, Quick Response Code guidelines for SEPA credit transfers), which
 * Dutch and European banking apps read: version 002, UTF-8, the BIC optional, the invoice number (or payment
 * reference) as unstructured remittance text. Anything that does not fit the standard gives no code rather than a
 * code that pays the wrong thing: an over-long name is shortened (it is informational), a reference never is.
 */

export interface EpcTransfer {
  name: string;
  iban: string;
  bic?: string | null;
  amountCents: number;
  /** Unstructured remittance text: the invoice number or payment reference. */
  remittance: string;
}

export const EPC_LIMITS = { maxNameChars: 70, maxRemittanceChars: 140, maxPayloadBytes: 331, minCents: 1, maxCents: 99_999_999_999 } as const;

export type EpcPayload = { ok: true; payload: string } | { ok: false; reason: string };

const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();

export function epcPayload(transfer: EpcTransfer): EpcPayload {
  const iban = transfer.iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return { ok: false, reason: 'the IBAN has not the shape of an IBAN' };
  const bic = (transfer.bic ?? '').replace(/\s+/g, '').toUpperCase();
  if (bic !== '' && !/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic)) return { ok: false, reason: 'the BIC has not the shape of a BIC' };
  const name = [...oneLine(transfer.name)].slice(0, EPC_LIMITS.maxNameChars).join('');
  if (name === '') return { ok: false, reason: 'the beneficiary name is empty' };
  if (!Number.isSafeInteger(transfer.amountCents) || transfer.amountCents < EPC_LIMITS.minCents || transfer.amountCents > EPC_LIMITS.maxCents) {
    return { ok: false, reason: 'the amount is outside 0.01–999999999.99' };
  }
  const remittance = oneLine(transfer.remittance);
  if ([...remittance].length > EPC_LIMITS.maxRemittanceChars) return { ok: false, reason: 'the remittance text is over 140 characters' };
  const amount = `EUR${Math.trunc(transfer.amountCents / 100)}.${String(transfer.amountCents % 100).padStart(2, '0')}`;
  // Service tag, version, character set (1 = UTF-8), identification, BIC, name, IBAN, amount, purpose,
  // structured reference (empty: we send unstructured text), unstructured remittance. No trailing line feed.
  const payload = ['BCD', '002', '1', 'SCT', bic, name, iban, amount, '', '', remittance].join('\n');
  if (Buffer.byteLength(payload, 'utf8') > EPC_LIMITS.maxPayloadBytes) return { ok: false, reason: 'the payload is over 331 bytes' };
  return { ok: true, payload };
}

/** The payload's QR symbol (error correction M, as EPC069-12 asks) as its grid of modules, without the quiet zone. */
export interface QrSymbol {
  /** Modules per side. */
  size: number;
  dark(row: number, column: number): boolean;
}

export function epcQrSymbol(payload: string): QrSymbol {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (row, column) => modules.get(row, column) === 1 };
}

/**
 * The symbol as runs of dark modules, one rectangle per run in a row: what a renderer fills as vectors (sharp at
 * any print size, no image to encode and decode: a PNG round trip cost ~4/5 of an invoice's render time).
 */
export function darkRuns(symbol: QrSymbol): { row: number; column: number; length: number }[] {
  const runs: { row: number; column: number; length: number }[] = [];
  for (let row = 0; row < symbol.size; row++) {
    for (let column = 0; column < symbol.size; ) {
      if (!symbol.dark(row, column)) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < symbol.size && symbol.dark(row, column)) column += 1;
      runs.push({ row, column: start, length: column - start });
    }
  }
  return runs;
}
