import { Type, type Static } from '@sinclair/typebox';
import { formatAmount } from '../lib/money.js';
import type { DocumentLineRow } from './document-lines.repository.js';
import { formatQuantity } from './invoice-lines.rules.js';

/**
 * The lines of documents made from lines (manual invoices and manual offers) as the API shows and takes them: one
 * item shape in every resource, one request shape in every create, and the mapping from the stored rows.
 */

export const money = (options: { description?: string; examples?: string[] } = {}) => Type.String({ pattern: '^-?\\d+\\.\\d{2}$', examples: ['12.95'], ...options });
export const Money = money();

export const DocumentLineResource = Type.Object(
  {
    description: Type.String({ examples: ['Website template'] }),
    quantity: Type.String({
      pattern: '^\\d+(\\.\\d{1,2})?$',
      description: 'A decimal string without trailing zeros: "1", "2.5", "0.25" (at most two decimals).',
      examples: ['1', '2.5'],
    }),
    amountExclVat: money({ description: 'The price of one unit excluding VAT, as sent.' }),
    vatRate: Type.Union([Type.Literal(0), Type.Literal(9), Type.Literal(21)], { description: 'VAT percentage.', examples: [21] }),
    totalExclVat: money({ description: 'quantity × amountExclVat, rounded half away from zero to the cent.' }),
    vatAmount: money({
      description: 'This line\'s VAT (its total × rate, rounded), for display. The document\'s `vatAmount` is computed per rate over the line totals, so the lines\' VAT can differ from it by a few cents.',
      examples: ['2.72'],
    }),
    amountInclVat: money({ description: 'totalExclVat + vatAmount.', examples: ['15.67'] }),
  },
  { additionalProperties: false },
);
export type DocumentLineOut = Static<typeof DocumentLineResource>;

/** The `lines` of a create body (checked by invoice-lines.rules.ts; this documents them and is the safety net). */
export function DocumentLinesInput(description: string) {
  return Type.Array(
    Type.Object(
      {
        description: Type.String({ minLength: 1, maxLength: 500, examples: ['Website template'] }),
        quantity: Type.Optional(
          Type.Union([Type.String({ pattern: '^\\d{1,5}(\\.\\d{1,2})?$' }), Type.Number({ exclusiveMinimum: 0, maximum: 99999.99, multipleOf: 0.01 })], {
            description: 'Extension. How many units, 0.01 to 99999.99 with at most two decimals, as a string ("2.5") or a number; default 1.',
            examples: ['2.5'],
          }),
        ),
        amountExclVat: Type.String({
          pattern: '^-?\\d{1,12}(\\.\\d{1,2})?$',
          description: 'The price of one unit excluding VAT; negative for a discount or a credit.',
          examples: ['12.95'],
        }),
        vatRate: Type.Union([Type.Literal(0), Type.Literal(9), Type.Literal(21)], { description: 'VAT percentage: 0, 9 or 21.', examples: [21] }),
      },
      { additionalProperties: false },
    ),
    { minItems: 1, maxItems: 100, description },
  );
}

export const toLineResource = (line: DocumentLineRow): DocumentLineOut => ({
  description: line.description,
  quantity: formatQuantity(line.quantity_hundredths),
  amountExclVat: formatAmount(line.unit_price_cents),
  vatRate: line.vat_rate as 0 | 9 | 21,
  totalExclVat: formatAmount(line.total_excl_vat_cents),
  vatAmount: formatAmount(line.vat_cents),
  amountInclVat: formatAmount(line.total_incl_vat_cents),
});
