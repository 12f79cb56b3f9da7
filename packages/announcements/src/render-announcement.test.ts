import { describe, expect, it } from 'vitest';
import { assertValidAnnouncement, keyEnding, renderAnnouncement } from './render-announcement.ts';

const values = {
  name: '<b>Ann</b>',
  email: 'ann@example.test',
  product: 'Tessera',
  edition: 'Pro',
  version: '5',
  keyEnding: 'X8K2',
};

describe('renderAnnouncement', () => {
  it('fills fields, escapes them in HTML only, and always adds the unsubscribe footer', () => {
    const out = renderAnnouncement(
      {
        subject: '{{product}} {{version}}\nis out',
        textBody: 'Hi {{name}}',
        htmlBody: '<p>Hi {{ name }}</p>',
      },
      values,
      'https://k.example/u/1.sig',
    );
    expect(out.subject).toBe('Tessera 5 is out');
    expect(out.text).toContain('Hi <b>Ann</b>');
    expect(out.text).toContain('Unsubscribe: https://k.example/u/1.sig');
    expect(out.html).toContain('Hi &lt;b&gt;Ann&lt;/b&gt;');
    expect(out.html).toContain('href="https://k.example/u/1.sig"');
  });

  it('refuses an unknown field, such as the whole key', () => {
    expect(() =>
      assertValidAnnouncement({ subject: 'x', textBody: 'Your key {{key}}', htmlBody: '' }),
    ).toThrow(/Unknown field \{\{key\}\}/);
  });

  it('shows only the last four characters of a key', () => {
    expect(keyEnding('ABCDE-FGHIJ-KLMNO')).toBe('LMNO');
    expect(keyEnding('AB-C')).toBe('');
  });
});
