-- Access-log imports stop deciding "already imported" by time ranges per source (that dropped real
-- lines of a second server's log or the shared second at a rotation) and remember instead how far
-- each file was read (WebLogFile). See packages/analytics/src/access-log/web-log-files.ts.

-- The time ranges cannot say which file they came from: keeping them would keep the bug.
PRAGMA foreign_keys=off;
DROP TABLE "WebLogCoverage";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "WebLogFile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "headHash" TEXT NOT NULL,
    "headLength" INTEGER NOT NULL,
    "rawHead" BOOLEAN NOT NULL DEFAULT false,
    "bytesTaken" INTEGER NOT NULL,
    "linesTaken" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "WebLogFile_headLength_idx" ON "WebLogFile"("headLength");

-- CreateIndex
CREATE UNIQUE INDEX "WebLogFile_headHash_headLength_key" ON "WebLogFile"("headHash", "headLength");

-- Files the old importer read to the end: its fingerprint was the SHA-256 of the file's first
-- 65,536 raw bytes, which for a plain file is the new identity; a .gz one is matched by raw bytes
-- and size (rawHead). Runs that stopped midway left no exact position and are not carried over.
INSERT OR IGNORE INTO "WebLogFile" ("headHash", "headLength", "rawHead", "bytesTaken", "linesTaken", "name", "source", "updatedAt")
SELECT "fingerprint", MIN(65536, "bytesTotal"), true, "bytesTotal", "itemsDone", "source", 'web', COALESCE("finishedAt", "startedAt")
FROM "ImportRun"
WHERE "kind" = 'access-log' AND "status" = 'completed' AND "bytesTotal" > 0 AND length("fingerprint") = 64;

-- Bot labels become names from the fixed list in bot-names.ts (same tokens, same order); anything
-- else, such as a device string cut from a phone's user agent, becomes "Other bot".
INSERT INTO "WebDailyBot" ("day", "bot", "requests")
SELECT "day", "label", SUM("requests") FROM (
  SELECT "day", "requests", CASE
    WHEN "bot" = '(no user agent)' THEN 'No user agent'
    WHEN instr(lower(bot), 'googlebot') > 0 THEN 'Googlebot'
    WHEN instr(lower(bot), 'google-') > 0 THEN 'Google (other crawler)'
    WHEN instr(lower(bot), 'adsbot-google') > 0 THEN 'Google (other crawler)'
    WHEN instr(lower(bot), 'mediapartners-google') > 0 THEN 'Google (other crawler)'
    WHEN instr(lower(bot), 'apis-google') > 0 THEN 'Google (other crawler)'
    WHEN instr(lower(bot), 'feedfetcher-google') > 0 THEN 'Google (other crawler)'
    WHEN instr(lower(bot), 'bingbot') > 0 THEN 'Bingbot'
    WHEN instr(lower(bot), 'bingpreview') > 0 THEN 'Bingbot'
    WHEN instr(lower(bot), 'msnbot') > 0 THEN 'Bingbot'
    WHEN instr(lower(bot), 'applebot') > 0 THEN 'Applebot'
    WHEN instr(lower(bot), 'duckduckbot') > 0 THEN 'DuckDuckBot'
    WHEN instr(lower(bot), 'duckduckgo') > 0 THEN 'DuckDuckBot'
    WHEN instr(lower(bot), 'yandex') > 0 THEN 'YandexBot'
    WHEN instr(lower(bot), 'baiduspider') > 0 THEN 'Baiduspider'
    WHEN instr(lower(bot), 'slurp') > 0 THEN 'Yahoo Slurp'
    WHEN instr(lower(bot), 'sogou') > 0 THEN 'Sogou'
    WHEN instr(lower(bot), 'yeti/') > 0 THEN 'Naver Yeti'
    WHEN instr(lower(bot), 'seznambot') > 0 THEN 'Seznam'
    WHEN instr(lower(bot), 'qwantbot') > 0 THEN 'Qwant'
    WHEN instr(lower(bot), 'petalbot') > 0 THEN 'Petalbot'
    WHEN instr(lower(bot), 'ahrefs') > 0 THEN 'AhrefsBot'
    WHEN instr(lower(bot), 'semrush') > 0 THEN 'SemrushBot'
    WHEN instr(lower(bot), 'mj12bot') > 0 THEN 'MJ12bot'
    WHEN instr(lower(bot), 'dotbot') > 0 THEN 'DotBot'
    WHEN instr(lower(bot), 'blexbot') > 0 THEN 'BLEXBot'
    WHEN instr(lower(bot), 'dataforseo') > 0 THEN 'DataForSeoBot'
    WHEN instr(lower(bot), 'screaming frog') > 0 THEN 'Screaming Frog'
    WHEN instr(lower(bot), 'seokicks') > 0 THEN 'SEOkicks'
    WHEN instr(lower(bot), 'serpstat') > 0 THEN 'Serpstat'
    WHEN instr(lower(bot), 'gptbot') > 0 THEN 'GPTBot'
    WHEN instr(lower(bot), 'chatgpt-user') > 0 THEN 'ChatGPT-User'
    WHEN instr(lower(bot), 'oai-searchbot') > 0 THEN 'OAI-SearchBot'
    WHEN instr(lower(bot), 'claudebot') > 0 THEN 'ClaudeBot'
    WHEN instr(lower(bot), 'claude-web') > 0 THEN 'ClaudeBot'
    WHEN instr(lower(bot), 'anthropic-ai') > 0 THEN 'ClaudeBot'
    WHEN instr(lower(bot), 'perplexity') > 0 THEN 'PerplexityBot'
    WHEN instr(lower(bot), 'ccbot') > 0 THEN 'CCBot'
    WHEN instr(lower(bot), 'bytespider') > 0 THEN 'Bytespider'
    WHEN instr(lower(bot), 'amazonbot') > 0 THEN 'Amazonbot'
    WHEN instr(lower(bot), 'facebookexternalhit') > 0 THEN 'Meta crawler'
    WHEN instr(lower(bot), 'facebot') > 0 THEN 'Meta crawler'
    WHEN instr(lower(bot), 'meta-externalagent') > 0 THEN 'Meta crawler'
    WHEN instr(lower(bot), 'twitterbot') > 0 THEN 'Twitterbot'
    WHEN instr(lower(bot), 'linkedinbot') > 0 THEN 'LinkedInBot'
    WHEN instr(lower(bot), 'slackbot') > 0 THEN 'Slackbot'
    WHEN instr(lower(bot), 'slack-imgproxy') > 0 THEN 'Slackbot'
    WHEN instr(lower(bot), 'discordbot') > 0 THEN 'Discordbot'
    WHEN instr(lower(bot), 'telegrambot') > 0 THEN 'TelegramBot'
    WHEN instr(lower(bot), 'whatsapp') > 0 THEN 'WhatsApp'
    WHEN instr(lower(bot), 'pinterest') > 0 THEN 'Pinterestbot'
    WHEN instr(lower(bot), 'mastodon') > 0 THEN 'Mastodon'
    WHEN instr(lower(bot), 'archive.org_bot') > 0 THEN 'Archive.org'
    WHEN instr(lower(bot), 'ia_archiver') > 0 THEN 'Archive.org'
    WHEN instr(lower(bot), 'uptimerobot') > 0 THEN 'UptimeRobot'
    WHEN instr(lower(bot), 'pingdom') > 0 THEN 'Pingdom'
    WHEN instr(lower(bot), 'statuscake') > 0 THEN 'StatusCake'
    WHEN instr(lower(bot), 'site24x7') > 0 THEN 'Site24x7'
    WHEN instr(lower(bot), 'betteruptime') > 0 THEN 'Better Uptime'
    WHEN instr(lower(bot), 'better uptime') > 0 THEN 'Better Uptime'
    WHEN instr(lower(bot), 'feedly') > 0 THEN 'Feed reader'
    WHEN instr(lower(bot), 'inoreader') > 0 THEN 'Feed reader'
    WHEN instr(lower(bot), 'newsblur') > 0 THEN 'Feed reader'
    WHEN instr(lower(bot), 'feedbin') > 0 THEN 'Feed reader'
    WHEN instr(lower(bot), 'letsencrypt') > 0 THEN 'Let’s Encrypt'
    WHEN instr(lower(bot), 'censys') > 0 THEN 'Censys'
    WHEN instr(lower(bot), 'shodan') > 0 THEN 'Shodan'
    WHEN instr(lower(bot), 'expanse') > 0 THEN 'Expanse'
    WHEN instr(lower(bot), 'zgrab') > 0 THEN 'zgrab'
    WHEN instr(lower(bot), 'nmap') > 0 THEN 'Nmap'
    WHEN instr(lower(bot), 'masscan') > 0 THEN 'Masscan'
    WHEN instr(lower(bot), 'nuclei') > 0 THEN 'Nuclei'
    WHEN instr(lower(bot), 'headlesschrome') > 0 THEN 'Headless Chrome'
    WHEN instr(lower(bot), 'phantomjs') > 0 THEN 'PhantomJS'
    WHEN instr(lower(bot), 'scrapy') > 0 THEN 'Scrapy'
    WHEN instr(lower(bot), 'curl/') > 0 THEN 'curl'
    WHEN instr(lower(bot), 'wget') > 0 THEN 'Wget'
    WHEN instr(lower(bot), 'python-requests') > 0 THEN 'Python'
    WHEN instr(lower(bot), 'python-urllib') > 0 THEN 'Python'
    WHEN instr(lower(bot), 'aiohttp') > 0 THEN 'Python'
    WHEN instr(lower(bot), 'httpx') > 0 THEN 'Python'
    WHEN instr(lower(bot), 'go-http-client') > 0 THEN 'Go'
    WHEN instr(lower(bot), 'java/') > 0 THEN 'Java'
    WHEN instr(lower(bot), 'apache-httpclient') > 0 THEN 'Java'
    WHEN instr(lower(bot), 'okhttp') > 0 THEN 'Java'
    WHEN instr(lower(bot), 'node-fetch') > 0 THEN 'Node.js'
    WHEN instr(lower(bot), 'axios') > 0 THEN 'Node.js'
    WHEN instr(lower(bot), 'undici') > 0 THEN 'Node.js'
    WHEN instr(lower(bot), 'libwww-perl') > 0 THEN 'Perl'
    WHEN instr(lower(bot), 'guzzle') > 0 THEN 'PHP'
    WHEN instr(lower(bot), 'ruby') > 0 THEN 'Ruby'
    WHEN instr(lower(bot), 'reqwest') > 0 THEN 'Rust'
    ELSE 'Other bot'
  END AS "label"
  FROM "WebDailyBot"
  WHERE "bot" NOT IN ('Googlebot', 'Google (other crawler)', 'Bingbot', 'Applebot', 'DuckDuckBot', 'YandexBot', 'Baiduspider', 'Yahoo Slurp', 'Sogou', 'Naver Yeti', 'Seznam', 'Qwant', 'Petalbot', 'AhrefsBot', 'SemrushBot', 'MJ12bot', 'DotBot', 'BLEXBot', 'DataForSeoBot', 'Screaming Frog', 'SEOkicks', 'Serpstat', 'GPTBot', 'ChatGPT-User', 'OAI-SearchBot', 'ClaudeBot', 'PerplexityBot', 'CCBot', 'Bytespider', 'Amazonbot', 'Meta crawler', 'Twitterbot', 'LinkedInBot', 'Slackbot', 'Discordbot', 'TelegramBot', 'WhatsApp', 'Pinterestbot', 'Mastodon', 'Archive.org', 'UptimeRobot', 'Pingdom', 'StatusCake', 'Site24x7', 'Better Uptime', 'Feed reader', 'Let’s Encrypt', 'Censys', 'Shodan', 'Expanse', 'zgrab', 'Nmap', 'Masscan', 'Nuclei', 'Headless Chrome', 'PhantomJS', 'Scrapy', 'curl', 'Wget', 'Python', 'Go', 'Java', 'Node.js', 'Perl', 'PHP', 'Ruby', 'Rust', 'Other bot', 'No user agent')
) AS relabelled
WHERE true
GROUP BY "day", "label"
ON CONFLICT ("day", "bot") DO UPDATE SET "requests" = "requests" + excluded."requests";

DELETE FROM "WebDailyBot"
WHERE "bot" NOT IN ('Googlebot', 'Google (other crawler)', 'Bingbot', 'Applebot', 'DuckDuckBot', 'YandexBot', 'Baiduspider', 'Yahoo Slurp', 'Sogou', 'Naver Yeti', 'Seznam', 'Qwant', 'Petalbot', 'AhrefsBot', 'SemrushBot', 'MJ12bot', 'DotBot', 'BLEXBot', 'DataForSeoBot', 'Screaming Frog', 'SEOkicks', 'Serpstat', 'GPTBot', 'ChatGPT-User', 'OAI-SearchBot', 'ClaudeBot', 'PerplexityBot', 'CCBot', 'Bytespider', 'Amazonbot', 'Meta crawler', 'Twitterbot', 'LinkedInBot', 'Slackbot', 'Discordbot', 'TelegramBot', 'WhatsApp', 'Pinterestbot', 'Mastodon', 'Archive.org', 'UptimeRobot', 'Pingdom', 'StatusCake', 'Site24x7', 'Better Uptime', 'Feed reader', 'Let’s Encrypt', 'Censys', 'Shodan', 'Expanse', 'zgrab', 'Nmap', 'Masscan', 'Nuclei', 'Headless Chrome', 'PhantomJS', 'Scrapy', 'curl', 'Wget', 'Python', 'Go', 'Java', 'Node.js', 'Perl', 'PHP', 'Ruby', 'Rust', 'Other bot', 'No user agent');
