// Word lists for realistic synthetic customers. The countries' names and cities are data, in their
// own scripts, in demo-countries.json; a country's weight is its share of the customers.
import countries from './demo-countries.json' with { type: 'json' };

export type CountryNames = {
  code: string;
  first: readonly string[];
  last: readonly string[];
  cities: readonly string[];
  currency: string;
  weight: number;
};

export const COUNTRIES: readonly CountryNames[] = countries;

export const COMPANY_WORDS = [
  'Studio',
  'Labs',
  'GmbH',
  'Consulting',
  'Design',
  'Media',
  'Works',
  'Architekten',
  'Print',
  'Partners',
];
export const STREETS = [
  'Main Street',
  'Hauptstraße',
  'Rue de la Paix',
  'Calle Mayor',
  'Storgatan',
  'Ulica Długa',
  'High Street',
  'Oak Avenue',
];
export const EMAIL_DOMAINS = [
  'gmail.com',
  'outlook.com',
  'yahoo.com',
  'icloud.com',
  'gmx.de',
  'web.de',
  'orange.fr',
  'proton.me',
  'example.org',
];

export const PRODUCTS = [
  {
    product: 'Tessera',
    editions: ['Home', 'Pro', 'Business'],
    prices: { Home: 2900, Pro: 5900, Business: 14900 },
  },
  { product: 'Tessera Batch', editions: ['Standard', 'Site'], prices: { Standard: 9900, Site: 49900 } },
] as const;

// Minor units per unit: JPY has none; SEK/PLN are priced at roughly ten times the USD figure.
export const CURRENCY_FACTOR: Record<string, number> = {
  USD: 1,
  EUR: 0.92,
  GBP: 0.79,
  SEK: 10.5,
  PLN: 4,
  JPY: 1.5,
};

export const CHAT_VISITOR_LINES = [
  'Hi, I bought Tessera last year and lost my license key. Can you resend it?',
  'Does the Pro edition support batch export to TIFF?',
  'I changed my computer, how do I move my license?',
  'Is there an upgrade discount from version 4 to 5?',
  'The installer says my key is invalid, what can I do?',
  'Can I get an invoice with my company VAT number?',
];
export const CHAT_AGENT_LINES = [
  'Hello! Happy to help. Could you tell me the email address you used to buy?',
  'Thanks, I have resent your key to that address just now.',
  'Yes, version 5 is a free upgrade for licenses bought in the last 12 months.',
  'Please deactivate on the old machine first, then enter the key on the new one.',
];
export const EMAIL_SUBJECTS = [
  'Lost license key',
  'Upgrade question',
  'Invoice request',
  'Installer problem on Windows 11',
  'Feature request: batch rename',
  'Refund request',
];
