// Untrusted email HTML → a document for a sandboxed iframe: DOMPurify removes script, event
// handlers and dangerous URLs; remote images (tracking pixels) and CSS url()s are emptied until
// the owner asks; a CSP meta in the document allows no script whatever slips through.
import DOMPurify from 'dompurify';

const REMOTE = /^\s*(https?:)?\/\//i;
const DATA = /^\s*data:/i;
const CSS_URL = /url\(\s*(['"]?)(.*?)\1\s*\)/gi;

/**
 * The frame is same-origin with the app (so the page can measure it): a relative or
 * protocol-relative URL would resolve to the app itself and go there with the owner's cookies.
 * Only data: and absolute http(s) URLs may ever load, and the latter only once asked.
 */
export function isLoadableUrl(url: string, options: { loadRemote: boolean; appOrigin: string }): boolean {
  if (DATA.test(url)) return true;
  if (!options.loadRemote || !REMOTE.test(url)) return false;
  try {
    return new URL(url.trim(), options.appOrigin).origin !== options.appOrigin;
  } catch {
    return false;
  }
}

/** The URL of each `url 2x` candidate; data: URLs may hold commas, so those are not split. */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(/,(?=\s*(?:https?:|data:|\/|[\w.-]+[/\s]))/i)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

function blockCssUrls(css: string, loadRemote: boolean): string {
  const appOrigin = window.location.origin;
  return css.replace(CSS_URL, (whole, _quote: string, url: string) =>
    isLoadableUrl(url, { loadRemote, appOrigin }) ? whole : 'none',
  );
}

export type SanitisedEmail = {
  html: string;
  /** Remote images and backgrounds held back until the owner loads them. */
  blockedRemote: number;
  /** Once loaded: images over plain http, which the page's CSP (https only) still blocks. */
  insecureImages: number;
};

const INSECURE = /^\s*http:\/\//i;

/** Runs in the browser (DOMPurify needs a DOM). */
export function sanitiseEmailHtml(html: string, options: { loadRemote: boolean }): SanitisedEmail {
  let blockedRemote = 0;
  let insecureImages = 0;
  const appOrigin = window.location.origin;
  const purifier = DOMPurify();
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (!(node instanceof Element)) return;
    // Links open outside the app, never in the iframe, and tell the target nothing.
    if (node.tagName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
    if (options.loadRemote) {
      const urls = ['src', 'background', 'poster'].map((name) => node.getAttribute(name) ?? '');
      const srcset = node.getAttribute('srcset') ?? '';
      if (urls.some((url) => INSECURE.test(url)) || /(^|,)\s*http:\/\//i.test(srcset)) insecureImages++;
    }
    for (const name of ['src', 'srcset', 'background', 'poster']) {
      const value = node.getAttribute(name);
      if (value === null) continue;
      const urls = name === 'srcset' ? srcsetUrls(value) : [value];
      if (urls.every((url) => isLoadableUrl(url, { ...options, appOrigin }))) continue;
      node.setAttribute(name, '');
      if (
        !options.loadRemote &&
        (REMOTE.test(value) || /^\s*cid:/i.test(value) || (name === 'srcset' && value.trim() !== ''))
      )
        blockedRemote++;
    }
    const style = node.getAttribute('style');
    if (style && CSS_URL.test(style)) {
      const kept = blockCssUrls(style, options.loadRemote);
      if (kept !== style) {
        node.setAttribute('style', kept);
        if (!options.loadRemote) blockedRemote++;
      }
    }
    CSS_URL.lastIndex = 0;
  });
  purifier.addHook('uponSanitizeElement', (node) => {
    if (node instanceof Element && node.tagName === 'STYLE' && node.textContent) {
      node.textContent = blockCssUrls(node.textContent, options.loadRemote);
    }
  });
  const clean = purifier.sanitize(html, {
    FORBID_TAGS: ['script', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'meta', 'link', 'base'],
    FORBID_ATTR: ['action', 'formaction'],
    ALLOW_DATA_ATTR: false,
  });
  return { html: clean, blockedRemote, insecureImages };
}

/** The iframe document: its own CSP forbids every script, and images only when allowed. */
export function emailDocument(
  cleanHtml: string,
  options: { loadRemote: boolean; showQuoted: boolean },
): string {
  const images = options.loadRemote ? 'data: https: http:' : 'data:';
  const csp = `default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; style-src 'unsafe-inline'; img-src ${images}; font-src data:`;
  const hideQuoted = options.showQuoted
    ? ''
    : '.gmail_quote, blockquote[type="cite"], .moz-cite-prefix, #appendonsend ~ * { display: none !important; }';
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><style>body{font-family:system-ui,sans-serif;font-size:14px;margin:8px;color:#1a1b1e;background:#fff;word-wrap:break-word}img{max-width:100%;height:auto}${hideQuoted}</style></head><body>${cleanHtml}</body></html>`;
}

/** Plain text: the quoted tail (`> …` lines and an "On … wrote:" line) is split off to collapse. */
export function splitQuotedText(text: string): { visible: string; quoted: string | null } {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const isIntro =
      /^(On .+wrote:|Am .+schrieb .+:|Le .+a écrit ?:|-{2,} ?Original Message ?-{2,})\s*$/i.test(line.trim());
    const startsQuote = line.startsWith('>') || isIntro;
    if (!startsQuote) continue;
    const rest = lines.slice(i).filter((l) => l.trim() !== '');
    const quotedShare = rest.filter((l) => l.startsWith('>')).length / Math.max(1, rest.length);
    if (quotedShare >= 0.6 || (isIntro && quotedShare >= 0.4)) {
      const visible = lines.slice(0, i).join('\n').trimEnd();
      return { visible, quoted: lines.slice(i).join('\n') };
    }
  }
  return { visible: text, quoted: null };
}
