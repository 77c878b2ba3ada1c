/**
 * Comment markdown → HTML that is safe to put in the page (seed 003: "The comment field supports
 * text and formatting, links, and images"). Two layers, so neither has to be perfect alone:
 *
 * 1. marked renders markdown, with raw HTML escaped to text: `<b>` typed in a comment shows as
 *    `<b>`, it never becomes markup.
 * 2. DOMPurify keeps only the tags and attributes markdown produces, and only absolute
 *    `http(s)`/`mailto` links and `http(s)` images; everything else is dropped.
 *
 * Loaded on demand (see markdown.tsx): marked and DOMPurify stay out of the first load.
 */
import DOMPurify, { type Config } from 'dompurify';
import { Marked, type Tokens } from 'marked';

/** The tags markdown produces and comments may keep. */
export const ALLOWED_TAGS = [
  'a',
  'blockquote',
  'br',
  'code',
  'del',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'img',
  'li',
  'ol',
  'p',
  'pre',
  'strong',
  'ul',
] as const;

/** The attributes they may keep; `target`/`rel`/`loading`/`referrerpolicy` are set by us. */
const ALLOWED_ATTR = ['alt', 'href', 'src', 'start', 'title'];

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_PROTOCOLS = new Set(['http:', 'https:']);

/** The URL's protocol when it is absolute and parses, otherwise `undefined`. */
function protocolOf(url: string): string | undefined {
  try {
    return new URL(url).protocol;
  } catch {
    return undefined;
  }
}

/** Tells whether a link may point there: absolute http(s) or mailto, nothing else. */
export function isSafeLinkUrl(url: string): boolean {
  const protocol = protocolOf(url.trim());
  return protocol !== undefined && LINK_PROTOCOLS.has(protocol);
}

/** Tells whether an image may load from there: absolute http(s) only (no data:, no blob:). */
export function isSafeImageUrl(url: string): boolean {
  const protocol = protocolOf(url.trim());
  return protocol !== undefined && IMAGE_PROTOCOLS.has(protocol);
}

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const marked = new Marked({
  async: false,
  breaks: true,
  gfm: true,
  renderer: {
    // Raw HTML in a comment is text, shown as typed; a block of it is a paragraph of its own.
    html: ({ block, text }: Tokens.HTML | Tokens.Tag) =>
      block ? `<p>${escapeHtml(text.trim()).replace(/\n/g, '<br>')}</p>\n` : escapeHtml(text),
  },
});

const CONFIG: Config = {
  ALLOWED_TAGS: [...ALLOWED_TAGS],
  ALLOWED_ATTR,
  ALLOW_ARIA_ATTR: false,
  ALLOW_DATA_ATTR: false,
  // Absolute http(s) and mailto only: no javascript:, vbscript:, data:, relative or other schemes.
  ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
  KEEP_CONTENT: true,
};

let purifier: ReturnType<typeof DOMPurify> | undefined;

/** One DOMPurify instance of our own, so its hooks don't leak into anyone else's. */
function getPurifier() {
  if (purifier) return purifier;
  const instance = DOMPurify(window);
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href');
      if (href !== null && !isSafeLinkUrl(href)) node.removeAttribute('href');
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    } else if (node.nodeName === 'IMG') {
      const src = node.getAttribute('src');
      // DOMPurify lets `data:` through on img src; images are http(s) only here. Without a src
      // the image is replaced by its alt text once sanitizing is done (see sanitizeCommentHtml).
      if (src !== null && !isSafeImageUrl(src)) node.removeAttribute('src');
      node.setAttribute('loading', 'lazy');
      node.setAttribute('referrerpolicy', 'no-referrer');
    }
  });
  purifier = instance;
  return instance;
}

/** Sanitizes HTML to the comment allowlist (exported for the sanitizer's own tests). */
export function sanitizeCommentHtml(html: string): string {
  const fragment = getPurifier().sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
  // An image that can't load safely keeps only its alt text.
  for (const img of fragment.querySelectorAll('img:not([src])')) {
    img.replaceWith(document.createTextNode(img.getAttribute('alt') ?? ''));
  }
  // A link whose target was refused is plain text.
  for (const a of fragment.querySelectorAll('a:not([href])')) a.replaceWith(...a.childNodes);
  const container = document.createElement('div');
  container.append(fragment);
  return container.innerHTML;
}

/** Renders comment markdown to sanitized HTML, ready for `dangerouslySetInnerHTML`. */
export function renderMarkdown(text: string): string {
  return sanitizeCommentHtml(marked.parse(text) as string);
}
