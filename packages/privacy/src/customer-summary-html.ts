import type { CustomerData } from './collect-customer-data.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every value from the database is text to show, never markup: a chat line may hold "<script>". */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function table(rows: Record<string, unknown>[], columns: string[]): string {
  if (rows.length === 0) return '<p>None.</p>';
  const head = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${columns.map((c) => `<td>${escapeHtml(r[c])}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A page the customer can open in any browser; the JSON files beside it hold the same data. */
export function renderCustomerSummaryHtml(data: CustomerData, exportedAt: Date): string {
  const p = data.profile;
  const profileRows = Object.entries(p)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('');
  const chats = data.chats
    .map(
      (chat) =>
        `<section><h3>Chat started ${escapeHtml(chat.startedAt)}</h3><ol>${chat.messages
          .map(
            (m) =>
              `<li><strong>${escapeHtml(m.senderName ?? m.senderType)}</strong> (${escapeHtml(m.sentAt)}): ${escapeHtml(m.text)}</li>`,
          )
          .join('')}</ol></section>`,
    )
    .join('\n');
  const threads = data.emailThreads
    .map(
      (thread) =>
        `<section><h3>${escapeHtml(thread.subject)}</h3>${thread.messages
          .map(
            (m) =>
              `<article><p><strong>${escapeHtml(m.fromName ?? m.fromAddress)}</strong>, ${escapeHtml(m.sentAt)}</p><pre>${escapeHtml(m.textBody)}</pre>${
                m.attachments.length > 0
                  ? `<p>Attachments: ${m.attachments.map((a) => escapeHtml(a.filename ?? 'unnamed')).join(', ')}</p>`
                  : ''
              }</article>`,
          )
          .join('')}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Data held about ${escapeHtml(p.name)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;margin-bottom:1rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}pre{white-space:pre-wrap}</style>
</head><body>
<h1>Data held about ${escapeHtml(p.name)}</h1>
<p>Exported ${escapeHtml(exportedAt.toISOString())}. The JSON files in this archive hold the same data in full.</p>
<h2>Profile</h2><table><tbody>${profileRows}</tbody></table>
<h2>Email addresses</h2>${table(data.emails, ['email', 'isPrimary', 'createdAt'])}
<h2>Orders</h2>${table(data.orders, ['purchasedAt', 'reseller', 'resellerOrderId', 'product', 'edition', 'quantity', 'amountMinor', 'currency', 'status'])}
<h2>Licenses</h2>${table(data.licenses, ['issuedAt', 'product', 'edition', 'seats', 'key', 'status'])}
<h2>Newsletter</h2>${table(data.newsletter, ['email', 'status', 'subscribedAt', 'unsubscribedAt'])}
<h2>License key resends</h2>${table(data.resends, ['requestedAt', 'toAddress', 'product', 'status', 'sentAt'])}
<h2>Notes</h2>${table(data.notes, ['createdAt', 'body'])}
<h2>Chats</h2>${chats || '<p>None.</p>'}
<h2>Email conversations</h2>${threads || '<p>None.</p>'}
</body></html>
`;
}
