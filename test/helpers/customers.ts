/** A valid `POST /v1/customers` body for customer number `i` (distinct per i). */
export function customerBody(i: number): Record<string, unknown> {
  return { name: `Klant ${i}`, email: `klant${i}@example.com` };
}
