import type { EmailTemplateContent } from './render-template.ts';

/** The product name for the template every product without its own uses. */
export const DEFAULT_TEMPLATE_PRODUCT = '*';

/** Used until the owner saves a "*" template of their own. */
export const BUILT_IN_TEMPLATE: EmailTemplateContent = {
  subject: 'Your {{product}} license key',
  textBody: `Hello {{name}},

here is your license key for {{product}} {{edition}}, as you asked:

    {{key}}

Order: {{orderId}}
Purchased: {{date}}

Enter the key in {{product}} under Help > Enter license key.
If anything does not work, just reply to this email.
`,
  htmlBody: `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Your {{product}} license key</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1b1e;">
<p>Hello {{name}},</p>
<p>here is your license key for <strong>{{product}} {{edition}}</strong>, as you asked:</p>
<p style="font-family: ui-monospace, monospace; font-size: 1.2em; padding: 8px 12px; background: #f1f3f5; display: inline-block;">{{key}}</p>
<p>Order: {{orderId}}<br>Purchased: {{date}}</p>
<p>Enter the key in {{product}} under Help &gt; Enter license key.<br>If anything does not work, just reply to this email.</p>
</body>
</html>
`,
};
