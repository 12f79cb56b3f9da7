// Word lists for realistic synthetic customers. Names are in their own scripts.
export type CountryNames = {
  code: string;
  first: readonly string[];
  last: readonly string[];
  cities: readonly string[];
  currency: string;
  weight: number;
};

export const COUNTRIES: readonly CountryNames[] = [
  {
    code: 'US',
    weight: 22,
    currency: 'USD',
    first: [
      'James',
      'Mary',
      'Robert',
      'Patricia',
      'Michael',
      'Jennifer',
      'David',
      'Linda',
      'Emily',
      'Daniel',
    ],
    last: [
      'Smith',
      'Johnson',
      'Williams',
      'Brown',
      'Jones',
      'Miller',
      'Davis',
      'Wilson',
      'Anderson',
      'Taylor',
    ],
    cities: ['Austin', 'Portland', 'Boston', 'Denver', 'Chicago', 'Seattle'],
  },
  {
    code: 'GB',
    weight: 8,
    currency: 'GBP',
    first: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Ava', 'Noah', 'Sophie'],
    last: ['Clarke', 'Wright', 'Walker', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood'],
    cities: ['London', 'Leeds', 'Bristol', 'Manchester', 'Edinburgh'],
  },
  {
    code: 'DE',
    weight: 10,
    currency: 'EUR',
    first: ['Jürgen', 'Käthe', 'Lukas', 'Müge', 'Sören', 'Jörg', 'Lena', 'Björn', 'Anneliese'],
    last: ['Müller', 'Schäfer', 'Weiß', 'Groß', 'Köhler', 'Schröder', 'Bäcker', 'Hoffmann'],
    cities: ['München', 'Köln', 'Düsseldorf', 'Berlin', 'Nürnberg'],
  },
  {
    code: 'FR',
    weight: 7,
    currency: 'EUR',
    first: ['Amélie', 'François', 'Hélène', 'Jérôme', 'Chloé', 'Maël', 'Léa', 'Gaëlle'],
    last: ['Lefèvre', 'Dubois', 'Girard', 'Bézier', 'Rousseau', 'Mercier', 'Faure'],
    cities: ['Paris', 'Lyon', 'Orléans', 'Besançon', 'Nîmes'],
  },
  {
    code: 'ES',
    weight: 4,
    currency: 'EUR',
    first: ['José', 'María', 'Íñigo', 'Begoña', 'Sofía', 'Andrés', 'Lucía'],
    last: ['García', 'Martínez', 'Núñez', 'Peña', 'Ibáñez', 'Gómez'],
    cities: ['Madrid', 'Sevilla', 'Málaga', 'Córdoba'],
  },
  {
    code: 'SE',
    weight: 3,
    currency: 'SEK',
    first: ['Åsa', 'Björn', 'Märta', 'Östen', 'Linnéa', 'Göran'],
    last: ['Andersson', 'Ångström', 'Öberg', 'Lindqvist', 'Sjöberg'],
    cities: ['Göteborg', 'Malmö', 'Uppsala', 'Västerås'],
  },
  {
    code: 'PL',
    weight: 3,
    currency: 'PLN',
    first: ['Łukasz', 'Zofia', 'Michał', 'Małgorzata', 'Paweł', 'Agnieszka'],
    last: ['Wiśniewski', 'Kowalczyk', 'Wójcik', 'Zieliński', 'Dąbrowska'],
    cities: ['Kraków', 'Łódź', 'Wrocław', 'Gdańsk'],
  },
  {
    code: 'CZ',
    weight: 2,
    currency: 'EUR',
    first: ['Jiří', 'Tomáš', 'Kateřina', 'Lucie', 'Ondřej'],
    last: ['Novák', 'Dvořák', 'Černý', 'Procházka', 'Kučera'],
    cities: ['Praha', 'Brno', 'Plzeň'],
  },
  {
    code: 'JP',
    weight: 6,
    currency: 'JPY',
    first: ['翔太', '陽菜', '大輝', 'さくら', '蓮', '美咲'],
    last: ['佐藤', '鈴木', '高橋', '田中', '渡辺', '伊藤'],
    cities: ['東京', '大阪', '京都', '札幌'],
  },
  {
    code: 'CN',
    weight: 3,
    currency: 'USD',
    first: ['伟', '芳', '娜', '敏', '静', '强'],
    last: ['王', '李', '张', '刘', '陈', '杨'],
    cities: ['上海', '北京', '深圳', '杭州'],
  },
  {
    code: 'KR',
    weight: 2,
    currency: 'USD',
    first: ['민준', '서연', '지호', '하은'],
    last: ['김', '이', '박', '최'],
    cities: ['서울', '부산', '인천'],
  },
  {
    code: 'RU',
    weight: 3,
    currency: 'EUR',
    first: ['Алексей', 'Наталья', 'Дмитрий', 'Ольга', 'Сергей'],
    last: ['Иванов', 'Смирнова', 'Кузнецов', 'Попова', 'Соколов'],
    cities: ['Москва', 'Казань', 'Новосибирск'],
  },
  {
    code: 'GR',
    weight: 1,
    currency: 'EUR',
    first: ['Γιώργος', 'Μαρία', 'Νίκος', 'Ελένη'],
    last: ['Παπαδόπουλος', 'Παπαδάκη', 'Οικονόμου'],
    cities: ['Αθήνα', 'Θεσσαλονίκη'],
  },
  {
    code: 'BR',
    weight: 4,
    currency: 'USD',
    first: ['João', 'Luíza', 'Conceição', 'Antônio', 'Júlia'],
    last: ['Gonçalves', 'Araújo', 'Simões', 'Magalhães', 'Conceição'],
    cities: ['São Paulo', 'Brasília', 'Florianópolis'],
  },
  {
    code: 'IN',
    weight: 4,
    currency: 'USD',
    first: ['Aarav', 'Priya', 'Vihaan', 'Ananya', 'Rohan'],
    last: ['Sharma', 'Patel', 'Iyer', 'Reddy', 'Nair'],
    cities: ['Bengaluru', 'Pune', 'Chennai', 'Mumbai'],
  },
  {
    code: 'CA',
    weight: 4,
    currency: 'USD',
    first: ['Liam', 'Chloé', 'Ethan', 'Zoë', 'Benoît'],
    last: ['Tremblay', 'Gagnon', 'Roy', 'Côté', 'MacDonald'],
    cities: ['Toronto', 'Montréal', 'Québec', 'Vancouver'],
  },
  {
    code: 'AU',
    weight: 3,
    currency: 'USD',
    first: ['Jack', 'Charlotte', 'William', 'Matilda'],
    last: ['Nguyen', "O'Brien", 'Kelly', 'Murphy'],
    cities: ['Sydney', 'Melbourne', 'Brisbane'],
  },
  {
    code: 'NO',
    weight: 2,
    currency: 'EUR',
    first: ['Øystein', 'Ingrid', 'Håkon', 'Sigrid'],
    last: ['Hansen', 'Johansen', 'Sæther', 'Løvås'],
    cities: ['Oslo', 'Bergen', 'Tromsø'],
  },
  {
    code: 'TR',
    weight: 2,
    currency: 'EUR',
    first: ['Çağrı', 'Şeyma', 'İbrahim', 'Gülşen'],
    last: ['Yılmaz', 'Öztürk', 'Çelik', 'Şahin'],
    cities: ['İstanbul', 'Ankara', 'İzmir'],
  },
  {
    code: 'NL',
    weight: 3,
    currency: 'EUR',
    first: ['Daan', 'Sanne', 'Thijs', 'Femke'],
    last: ['de Vries', 'van Dijk', 'Bakker', 'Visser'],
    cities: ['Amsterdam', 'Utrecht', 'Rotterdam'],
  },
];

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
