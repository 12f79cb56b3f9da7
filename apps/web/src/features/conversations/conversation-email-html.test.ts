import { describe, expect, it } from 'vitest';
import { emailDocument, splitQuotedText } from './conversation-email-html.ts';

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
