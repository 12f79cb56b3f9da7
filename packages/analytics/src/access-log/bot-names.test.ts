import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOT_LABELS, NO_AGENT_BOT, OTHER_BOT } from './bot-names.ts';
import { classifyUserAgent } from './user-agent.ts';

describe('bot labels', () => {
  it.each([
    ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'Googlebot'],
    ['Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)', 'Bingbot'],
    [
      'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)',
      'GPTBot',
    ],
    ['facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)', 'Meta crawler'],
    ['curl/8.5.0', 'curl'],
    // A phone's device string in front of a crawler token: the label is never that text.
    [
      'Mozilla/5.0 (Linux; Android 13; SM-S918B Build/TP1A.220624.014) AppleWebKit/537.36 (KHTML, like Gecko) SomeNewCrawler/0.1',
      OTHER_BOT,
    ],
  ])('%s → %s', (agent, label) => {
    expect(classifyUserAgent(agent)).toMatchObject({ kind: 'bot', bot: label });
  });

  it('labels a missing agent, and treats a Common Log Format line (no agent field) as a visitor', () => {
    expect(classifyUserAgent(null)).toMatchObject({ kind: 'bot', bot: NO_AGENT_BOT });
    expect(classifyUserAgent(null, false)).toMatchObject({ kind: 'browser', browser: 'Unknown' });
  });

  it('never stores a label that is not on the list, whatever the agent says', async () => {
    const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,20}$/);
    const agent = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc
        .tuple(token, fc.constantFrom('bot', 'crawler', 'spider', 'Bot'), fc.string({ maxLength: 40 }))
        .map(([a, b, c]) => `Mozilla/5.0 (Linux; Android 10; ${a}) ${a}${b}/1.0 ${c}`),
    );
    await fc.assert(
      fc.property(agent, (ua) => {
        const info = classifyUserAgent(ua);
        if (info.kind === 'bot') expect(BOT_LABELS.has(info.bot)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
