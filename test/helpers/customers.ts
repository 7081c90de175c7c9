/** A valid published create body (reference 3.2) for customer `i`; override what a test is about. */
export interface CustomerBody {
  companyName: string;
  address: string;
  zipCode: string;
  city: string;
  primaryEmail: string;
  countryCode: string;
  [field: string]: unknown;
}

export function customerBody(i: number | string, overrides: Record<string, unknown> = {}): CustomerBody {
  return {
    companyName: `Klant ${i}`,
    address: `Teststraat ${typeof i === 'number' ? i + 1 : 1}`,
    zipCode: '1234AB',
    city: 'Amsterdam',
    primaryEmail: `klant${String(i).replace(/[^A-Za-z0-9.-]/g, '')}@example.com`,
    countryCode: 'NL',
    ...overrides,
  };
}
