import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text.ts';

describe('htmlToText', () => {
  it('decodes named and numeric entities', () => {
    expect(htmlToText('<p>a &amp; b &lt;c&gt; &#65;&#x42;</p>')).toBe('a & b <c> AB');
  });

  // An entity name is input: one that names an Object.prototype member stays as written.
  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'])(
    'keeps &%s; as text',
    (name) => {
      expect(htmlToText(`x &${name}; y`)).toBe(`x &${name}; y`);
    },
  );
});
