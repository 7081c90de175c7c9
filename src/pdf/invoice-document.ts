/**
 * What the invoice renderer needs, as plain data: the section that owns invoices (or offers) fills it in, so
 * `pdf/` imports no section. Amounts are integer cents, dates `YYYY-MM-DD`, quantities hundredths.
 * A section's computed lines (`invoices/invoice-lines.rules.ts` `ComputedLine`, `InvoiceTotals`) fit these shapes as they are.
 */

export type DocumentKind = 'invoice' | 'credit-note' | 'offer';

export interface PdfBusiness {
  name: string;
  address: string;
  zipCode: string;
  city: string;
  /** ISO 3166-1 alpha-2; printed as the country's name in the document's language. */
  countryCode: string;
  kvkNumber: string;
  vatNumber: string;
  iban: string | null;
  bic: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  /** PNG or JPEG bytes, checked when uploaded. */
  logo: Buffer | null;
  /** `#rrggbb`; a default blue when absent. */
  brandColor: string | null;
  footerText: string | null;
}

export interface PdfCustomer {
  companyName: string;
  address: string;
  zipCode: string;
  city: string;
  countryCode: string;
}

export interface PdfLine {
  description: string;
  quantityHundredths: number;
  unitPriceCents: number;
  vatRate: number;
  totalExclVatCents: number;
}

export interface PdfVatGroup {
  rate: number;
  baseCents: number;
  vatCents: number;
}

export interface InvoicePdfData {
  /** `invoice` with a negative amount is drawn as a credit note as well. */
  kind: DocumentKind;
  business: PdfBusiness;
  customer: PdfCustomer;
  number: string;
  issueDate: string;
  /** Defaults to the issue date. */
  deliveryDate?: string | null;
  /** Invoices: the due date. Offers: the expiry date. Credit notes: usually none. */
  dueDate?: string | null;
  /** Payment reference for the transfer; the invoice number when absent. */
  paymentReference?: string | null;
  /** Credit notes: the number of the invoice they credit. */
  creditedInvoiceNumber?: string | null;
  /** A paid invoice says so and carries no QR code. */
  paidDate?: string | null;
  lines: readonly PdfLine[];
  vatByRate: readonly PdfVatGroup[];
  subtotalCents: number;
  vatCents: number;
  amountCents: number;
}
