// Writes a realistic combined-format access log for the benchmark: many clients (10% IPv6) with
// sticky user agents, visits of 1-12 requests over 90 days in time order, pages, assets, downloads,
// update checks, bots and junk lines.
import { createWriteStream } from 'node:fs';
import { createRng } from '@keydesk/db/demo';

const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
];
const BOTS = [
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
  'Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)',
  'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)',
];
const PAGES = [
  '/',
  '/features',
  '/pricing',
  '/buy',
  '/download',
  '/support',
  '/blog/tips-1',
  '/blog/release-5-2',
  '/changelog',
];
const ASSETS = [
  '/css/site.css',
  '/js/app.js',
  '/img/logo.svg',
  '/img/shot-1.webp',
  '/favicon.ico',
  '/fonts/inter.woff2',
];
const DOWNLOADS = [
  '/download/tessera-setup-5.2.exe',
  '/download/tessera-5.2.dmg',
  '/download/tessera-batch-2.1.exe',
];
const REFERRERS = [
  '-',
  '-',
  'https://www.google.com/',
  'https://www.bing.com/search?q=tessera',
  'https://duckduckgo.com/',
  'https://news.ycombinator.com/item?id=4242',
  'https://www.reddit.com/r/software/',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function logTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

export async function generateAccessLog(file: string, lines: number, seed = 42): Promise<{ bytes: number }> {
  const rng = createRng(seed);
  const random = rng.next;
  const pick = rng.pick;
  const clients = Math.max(1000, Math.floor(lines / 10));
  const ipOf = (i: number) =>
    i % 10 === 0
      ? `2a0${i % 7}:${((i * 7919) % 65536).toString(16)}:${(i % 4096).toString(16)}::${(i % 251).toString(16)}`
      : `${1 + (i % 223)}.${(i * 31) % 256}.${(i * 17) % 256}.${((i * 13) % 254) + 1}`;
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  const start = Date.UTC(2026, 6, 1);
  const step = (90 * 86_400_000) / lines;
  let written = 0;
  let bytes = 0;
  let buffer: string[] = [];
  const flush = async () => {
    const chunk = `${buffer.join('\n')}\n`;
    buffer = [];
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  while (written < lines) {
    const client = Math.floor(random() ** 2 * clients);
    const ip = ipOf(client);
    const time = start + written * step;
    const kind = random();
    if (kind < 0.08) {
      buffer.push(`${ip} - - [${logTime(time)}] "GET ${pick(PAGES)} HTTP/1.1" 200 5120 "-" "${pick(BOTS)}"`);
      written++;
    } else if (kind < 0.1) {
      buffer.push(
        pick([
          `${ip} - - [${logTime(time)}] "\\x16\\x03\\x01\\x00" 400 157 "-" "-"`,
          `${ip} - - [${logTime(time)}] "GET /wp-login.php HTTP/1.1" 404 0 "-" "python-requests/2.31"`,
          'garbage line that is not a log entry',
          `${ip} - - [${logTime(time)}] "GET /.env HTTP/1.1" 404`,
        ]),
      );
      written++;
    } else {
      const agent = AGENTS[client % AGENTS.length] as string;
      const visit = 1 + Math.floor(random() * 12);
      let referrer = pick(REFERRERS);
      for (let r = 0; r < visit && written < lines; r++) {
        const t = logTime(start + written * step);
        const what = random();
        const path = what < 0.45 ? pick(PAGES) : what < 0.93 ? pick(ASSETS) : pick(DOWNLOADS);
        const status = random() < 0.05 ? 304 : random() < 0.02 ? 404 : 200;
        buffer.push(
          `${ip} - - [${t}] "GET ${path}${random() < 0.1 ? '?utm_source=x' : ''} HTTP/1.1" ${status} ${Math.floor(random() * 90000)} "${referrer}" "${agent}"`,
        );
        referrer = 'https://tessera.example/';
        written++;
      }
    }
    if (buffer.length >= 5000) await flush();
  }
  if (buffer.length) await flush();
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  return { bytes };
}
