import { describe, expect, it } from 'vitest';
import { emailDocument, isLoadableUrl, splitQuotedText, srcsetUrls } from './conversation-email-html.ts';

describe('splitQuotedText', () => {
  it('folds the quoted tail of a reply', () => {
    const text = 'Thanks, done.\n\nOn Mon, Jan 6, 2025 Bob wrote:\n> How do I upgrade?\n> Thanks';
    expect(splitQuotedText(text)).toEqual({
      visible: 'Thanks, done.',
      quoted: 'On Mon, Jan 6, 2025 Bob wrote:\n> How do I upgrade?\n> Thanks',
    });
  });

  it('keeps interleaved answers visible', () => {
    const text = '> question one\nanswer one\n> question two\nanswer two\nmore\nand more';
    expect(splitQuotedText(text).quoted).toBeNull();
  });
});

describe('emailDocument', () => {
  it('carries a CSP that allows no script, and images only when asked', () => {
    const blocked = emailDocument('<p>x</p>', { loadRemote: false, showQuoted: false });
    expect(blocked).toContain("script-src 'none'");
    expect(blocked).toContain('img-src data:;');
    expect(emailDocument('<p>x</p>', { loadRemote: true, showQuoted: true })).toContain(
      'img-src data: https: http:',
    );
  });
});

describe('isLoadableUrl', () => {
  // The frame shares the app's origin: a relative URL would reach the app with the owner's cookies.
  const app = { appOrigin: 'https://desk.example' };
  it('never loads a relative or same-origin URL, even once remote images are allowed', () => {
    for (const loadRemote of [false, true]) {
      for (const url of ['/api/trpc/session.list', '../c.png', 'https://desk.example/x', 'cid:a'])
        expect(isLoadableUrl(url, { ...app, loadRemote }), url).toBe(false);
    }
  });

  it('loads data: always and other absolute http(s) URLs only once asked', () => {
    expect(isLoadableUrl('data:image/png;base64,AA', { ...app, loadRemote: false })).toBe(true);
    expect(isLoadableUrl('https://cdn.example/a.png', { ...app, loadRemote: false })).toBe(false);
    expect(isLoadableUrl('https://cdn.example/a.png', { ...app, loadRemote: true })).toBe(true);
    expect(isLoadableUrl('//cdn.example/a.png', { ...app, loadRemote: true })).toBe(true);
    expect(isLoadableUrl('//desk.example/a.png', { ...app, loadRemote: true })).toBe(false);
  });

  it('reads each URL of a srcset', () => {
    expect(srcsetUrls('https://a.example/1.png 1x, /2.png 2x')).toEqual([
      'https://a.example/1.png',
      '/2.png',
    ]);
  });
});
