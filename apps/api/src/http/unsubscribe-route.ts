// /u/<token>, the public unsubscribe link of every announcement (RFC 8058). A POST unsubscribes at
// once: that is what mail clients send for one-click, and what the page's button sends. A GET only
// shows the page: mail scanners and link prefetchers open links with GET, and must never
// unsubscribe anybody (listmonk #1078).
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  findUnsubscribeTarget,
  getUnsubscribeSecret,
  type TCampaignTopic,
  type UnsubscribeScope,
  unsubscribeByToken,
} from '@keydesk/announcements';
import { escapeHtml } from '@keydesk/mail';
import type { AppServices } from '../context.ts';
import { type HttpRoute, readBody, sendText } from './http-route.ts';

export const UNSUBSCRIBE_PATH = '/u/';
/** A one-click body is "List-Unsubscribe=One-Click"; the page's form sends one short field. */
const UNSUBSCRIBE_MAX_BODY_BYTES = 1024;

const TOPIC_LABEL: Record<TCampaignTopic, string> = {
  updates: 'update notices',
  newsletter: 'the newsletter',
};

function page(res: ServerResponse, status: number, title: string, body: string): void {
  sendText(
    res,
    status,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<h1 style="font-size:1.4rem">${escapeHtml(title)}</h1>${body}</body></html>`,
    'text/html; charset=utf-8',
  );
}

function tokenOf(req: IncomingMessage): string {
  const path = new URL(req.url ?? '/', 'http://keydesk.invalid').pathname;
  try {
    return decodeURIComponent(path.slice(UNSUBSCRIBE_PATH.length));
  } catch {
    // A malformed escape (a link cut in the middle) is a link that is not valid, not an error.
    return '';
  }
}

const NOT_VALID = '<p>This link is not valid or no longer works. Nothing was changed.</p>';
const SAMPLE = '<p>This is the sample link of a preview or test email. Nothing was changed.</p>';

function showPage(req: IncomingMessage, res: ServerResponse, services: AppServices): void {
  const token = tokenOf(req);
  if (token === 'preview') {
    page(res, 200, 'Unsubscribe', SAMPLE);
    return;
  }
  const target = findUnsubscribeTarget({
    db: services.db,
    secret: getUnsubscribeSecret(services.settings),
    token,
  });
  if (!target) {
    page(res, 404, 'Unsubscribe', NOT_VALID);
    return;
  }
  const topic = TOPIC_LABEL[target.topic];
  page(
    res,
    200,
    'Unsubscribe',
    `<p>Stop sending ${escapeHtml(topic)} to ${escapeHtml(target.maskedEmail)}?</p>
<form method="post"><button type="submit" name="scope" value="this">Unsubscribe from ${escapeHtml(topic)}</button></form>
<form method="post" style="margin-top:1rem"><button type="submit" name="scope" value="all">Unsubscribe from all announcements and the newsletter</button></form>`,
  );
}

async function unsubscribe(req: IncomingMessage, res: ServerResponse, services: AppServices): Promise<void> {
  const token = tokenOf(req);
  const form = new URLSearchParams((await readBody(req, UNSUBSCRIBE_MAX_BODY_BYTES)).toString('utf8'));
  const isOneClick = form.get('List-Unsubscribe') === 'One-Click';
  if (token === 'preview') {
    page(res, 200, 'Unsubscribe', SAMPLE);
    return;
  }
  const scope: UnsubscribeScope = form.get('scope') === 'all' ? 'all' : 'this';
  const result = unsubscribeByToken({
    db: services.db,
    secret: getUnsubscribeSecret(services.settings),
    token,
    scope,
    now: services.now(),
  });
  if (!result) {
    if (isOneClick) {
      sendText(res, 404, 'Unknown unsubscribe link.');
      return;
    }
    return page(res, 404, 'Unsubscribe', NOT_VALID);
  }
  const left = result.topics.map((t) => TOPIC_LABEL[t]).join(' and ');
  if (isOneClick) {
    sendText(res, 200, `Unsubscribed from ${left}.`);
    return;
  }
  page(
    res,
    200,
    'Unsubscribed',
    `<p>${escapeHtml(result.maskedEmail)} will get no more ${escapeHtml(left)}.</p>`,
  );
}

export const unsubscribeRoutes: HttpRoute[] = [
  { method: 'GET', path: UNSUBSCRIBE_PATH, handle: showPage },
  { method: 'POST', path: UNSUBSCRIBE_PATH, maxBodyBytes: UNSUBSCRIBE_MAX_BODY_BYTES, handle: unsubscribe },
];
