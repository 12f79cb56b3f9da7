// Made-up rows for the UI kit page: deterministic, so screenshots and tests are stable.
export type SampleCustomer = {
  id: string;
  name: string;
  email: string;
  country: string;
  licenses: number;
  revenueMinor: number;
  createdAt: Date;
};

const FIRST = ['Anna', 'Björn', 'Chen', 'Dara', 'Émile', 'Fatima', 'Giulia', 'Hiro', 'Ines', 'Jonas'];
const LAST = ['Keller', 'Lindqvist', 'Wang', 'Okafor', 'Moreau', 'Haddad', 'Rossi', 'Tanaka', 'Silva'];
const COUNTRIES = ['DE', 'SE', 'CN', 'NG', 'FR', 'MA', 'IT', 'JP', 'PT', 'US'];

export function makeSampleCustomers(count: number): SampleCustomer[] {
  return Array.from({ length: count }, (_, i) => {
    const first = FIRST[i % FIRST.length] as string;
    const last = LAST[(i * 7) % LAST.length] as string;
    return {
      id: `c${i + 1}`,
      name: `${first} ${last}`,
      email: `${first.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')}.${last.toLowerCase()}${i}@example.com`,
      country: COUNTRIES[(i * 3) % COUNTRIES.length] as string,
      licenses: 1 + ((i * 13) % 7),
      revenueMinor: 1900 + ((i * 7919) % 90_000),
      createdAt: new Date(Date.UTC(2025, 0, 1) + i * 86_400_000 * 3.7),
    };
  });
}
