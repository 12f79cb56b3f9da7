import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATE } from './default-template.ts';
import {
  assertValidTemplate,
  findUnknownVariables,
  renderTemplate,
  TemplateError,
} from './render-template.ts';

const values = {
  name: 'Ann <b>"O\'Neil"</b> & Co',
  product: 'Tessera',
  edition: 'Pro',
  key: 'ABCDE-12345-FGHIJ',
  orderId: 'PP-1001',
  date: '3 March 2026',
};

describe('renderTemplate', () => {
  it('fills every variable in all three parts, spaces inside braces allowed', () => {
    const out = renderTemplate(
      { subject: '{{ product }} key', textBody: '{{key}} for {{name}}', htmlBody: '<p>{{key}}</p>' },
      values,
    );
    expect(out.subject).toBe('Tessera key');
    expect(out.text).toBe(`ABCDE-12345-FGHIJ for ${values.name}`);
    expect(out.html).toBe('<p>ABCDE-12345-FGHIJ</p>');
  });

  it('escapes values in the HTML part only', () => {
    const out = renderTemplate(
      { subject: 'Hi {{name}}', textBody: '{{name}}', htmlBody: '<p>{{name}}</p>' },
      values,
    );
    expect(out.html).toBe('<p>Ann &lt;b&gt;&quot;O&#39;Neil&quot;&lt;/b&gt; &amp; Co</p>');
    expect(out.text).toBe(values.name);
    expect(out.subject).toBe(`Hi ${values.name}`);
  });

  it('keeps the subject on one line', () => {
    const out = renderTemplate(
      { subject: '{{name}}', textBody: '', htmlBody: '' },
      { ...values, name: 'Ann\r\nBcc: victim@example.com' },
    );
    expect(out.subject).toBe('Ann Bcc: victim@example.com');
  });

  it('renders the built-in template with the key in both bodies', () => {
    const out = renderTemplate(BUILT_IN_TEMPLATE, values);
    expect(out.text).toContain(values.key);
    expect(out.html).toContain(values.key);
    expect(out.html).not.toContain('{{');
  });
});

describe('template validation', () => {
  it('names unknown variables', () => {
    expect(
      findUnknownVariables({ subject: '{{licence}}', textBody: '{{key}} {{nme}}', htmlBody: '{{key}}' }),
    ).toEqual(['licence', 'nme']);
    expect(() =>
      assertValidTemplate({ subject: 'x', textBody: '{{key}} {{nme}}', htmlBody: '{{key}}' }),
    ).toThrow(/Unknown variable \{\{nme\}\}/);
  });

  it('requires the key in both bodies', () => {
    expect(() => assertValidTemplate({ subject: 'x', textBody: '{{key}}', htmlBody: '<p>hi</p>' })).toThrow(
      TemplateError,
    );
    expect(() => assertValidTemplate(BUILT_IN_TEMPLATE)).not.toThrow();
  });
});
