import { DomainError, isOneOf } from '@keydesk/db';
// Templates use {{variable}} placeholders. Values are HTML-escaped in the HTML part only: a customer
// named "<b>Ann</b>" must read as text there, and as typed in the plain part.

export const TEMPLATE_VARIABLES = ['name', 'product', 'edition', 'key', 'orderId', 'date'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Record<TemplateVariable, string>;

export type EmailTemplateContent = { subject: string; textBody: string; htmlBody: string };
export type RenderedEmail = { subject: string; text: string; html: string };

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

export class TemplateError extends DomainError {
  readonly kind = 'invalid';
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** The placeholders of a template's three parts that name none of `variables`, each once. */
export function findUnknownPlaceholders(
  template: EmailTemplateContent,
  variables: readonly string[],
): string[] {
  const unknown = new Set<string>();
  for (const part of [template.subject, template.textBody, template.htmlBody]) {
    for (const match of part.matchAll(PLACEHOLDER)) {
      const name = match[1] ?? '';
      if (!variables.includes(name)) unknown.add(name);
    }
  }
  return [...unknown];
}

/** Placeholders that name no variable: a typo such as {{licence}} would otherwise reach a customer. */
export function findUnknownVariables(template: EmailTemplateContent): string[] {
  return findUnknownPlaceholders(template, TEMPLATE_VARIABLES);
}

export function assertValidTemplate(template: EmailTemplateContent): void {
  const unknown = findUnknownVariables(template);
  if (unknown.length > 0) {
    throw new TemplateError(
      `Unknown variable${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `{{${n}}}`).join(', ')}; use ${TEMPLATE_VARIABLES.map((n) => `{{${n}}}`).join(', ')}.`,
    );
  }
  if (!/\{\{\s*key\s*\}\}/.test(template.textBody) || !/\{\{\s*key\s*\}\}/.test(template.htmlBody)) {
    throw new TemplateError(
      'Both the plain-text and the HTML body must contain {{key}}: the key is the point.',
    );
  }
}

/** Fills the three parts with the values of `variables`; any other placeholder stays as written. */
export function fillTemplate<V extends string>(
  template: EmailTemplateContent,
  variables: readonly V[],
  values: Record<V, string>,
): RenderedEmail {
  const fill = (text: string, encode: (value: string) => string) =>
    text.replace(PLACEHOLDER, (whole, name: string) =>
      isOneOf(variables, name) ? encode(values[name]) : whole,
    );
  return {
    // A header is one line: a newline in a value must not start a new header.
    subject: fill(template.subject, (v) => v)
      .replace(/[\r\n]+/g, ' ')
      .trim(),
    text: fill(template.textBody, (v) => v),
    html: fill(template.htmlBody, escapeHtml),
  };
}

export function renderTemplate(template: EmailTemplateContent, values: TemplateValues): RenderedEmail {
  return fillTemplate(template, TEMPLATE_VARIABLES, values);
}
