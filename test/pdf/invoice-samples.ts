import { deflateSync } from 'node:zlib';
import { computeTotals, type InvoiceLine } from '../../src/invoices/invoice-lines.rules.js';
import type { InvoicePdfData, PdfBusiness } from '../../src/pdf/invoice-document.js';

/** Example documents for the renderer's tests: what the invoices section will hand it. */

/** A tiny valid PNG logo (a brand-coloured square), built here so the tests need no file. */
export function samplePngLogo(size = 32): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, body: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(typed));
    return Buffer.concat([length, typed, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.concat(Array.from({ length: size }, (_, y) => Buffer.from([0, ...Array.from({ length: size }, (_, x) => ((x + y) % 8 < 4 ? [0xd3, 0x54, 0x00] : [0x1f, 0x4e, 0x79])).flat()])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

export const business: PdfBusiness = {
  name: 'Bakkerij De Zonnebloem B.V.',
  address: 'Keizersgracht 123',
  zipCode: '1015 CJ',
  city: 'Amsterdam',
  countryCode: 'NL',
  kvkNumber: '12345678',
  vatNumber: 'NL123456789B01',
  iban: 'NL91ABNA0417164300',
  bic: 'ABNANL2A',
  email: 'facturen@zonnebloem.example',
  phone: '+31 20 123 4567',
  website: 'https://zonnebloem.example',
  logo: samplePngLogo(),
  brandColor: '#d35400',
  footerText: 'Op al onze leveringen zijn onze algemene voorwaarden van toepassing.',
};

export const customer = {
  companyName: 'Koffiebar Het Hoekje',
  address: 'Oudegracht 45',
  zipCode: '3511 AB',
  city: 'Utrecht',
  countryCode: 'BE',
};

export const LINES: InvoiceLine[] = [
  { description: 'Volkorenbrood, gesneden', quantityHundredths: 1200, unitPriceCents: 345, vatRate: 9 },
  { description: 'Taartworkshop (uren)', quantityHundredths: 250, unitPriceCents: 7500, vatRate: 21 },
  { description: 'Bezorging', quantityHundredths: 100, unitPriceCents: 1295, vatRate: 21 },
  { description: 'Statiegeld kratten', quantityHundredths: 100, unitPriceCents: 500, vatRate: 0 },
];

export function invoiceData(lines: InvoiceLine[] = LINES, overrides: Partial<InvoicePdfData> = {}): InvoicePdfData {
  const totals = computeTotals(lines);
  return {
    kind: 'invoice',
    business,
    customer,
    number: '2026-0042',
    issueDate: '2026-12-07',
    deliveryDate: '2026-12-04',
    dueDate: '2026-12-21',
    paymentReference: 'Bestelling 981-A',
    lines: totals.lines,
    vatByRate: totals.vatByRate,
    subtotalCents: totals.subtotalCents,
    vatCents: totals.vatCents,
    amountCents: totals.amountCents,
    ...overrides,
  };
}
