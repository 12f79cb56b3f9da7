import { describe, expect, it } from 'vitest';
import { escapeHtml } from './customer-summary-html.ts';

describe('escapeHtml', () => {
  it.each([
    ['<script>alert("x")</script>', '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'],
    ["O'Brien & Sons", 'O&#39;Brien &amp; Sons'],
    [null, ''],
    [42, '42'],
    ['Jürgen Müller 山田', 'Jürgen Müller 山田'],
  ])('%s', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});
