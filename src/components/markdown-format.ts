/**
 * What the comment box's formatting toolbar does to the text: pure edits of a string and its
 * selection, so the box stays a thin shell and the edits can be tested without a DOM.
 */

export type MarkdownFormat = 'bold' | 'italic' | 'bulletList' | 'numberedList' | 'link' | 'image';

/** Text with a selection (`start`..`end`, as a textarea reports them). */
export type TextEdit = { text: string; start: number; end: number };

const WRAPS = {
  bold: { before: '**', after: '**', placeholder: 'bold text' },
  italic: { before: '*', after: '*', placeholder: 'italic text' },
} as const;

/** Wraps the selection (or a selected placeholder) in markers. */
function wrap({ text, start, end }: TextEdit, format: 'bold' | 'italic'): TextEdit {
  const { before, after, placeholder } = WRAPS[format];
  const inner = text.slice(start, end) || placeholder;
  const next = text.slice(0, start) + before + inner + after + text.slice(end);
  return { text: next, start: start + before.length, end: start + before.length + inner.length };
}

/** Prefixes every line the selection touches with a bullet or a number. */
function list({ text, start, end }: TextEdit, numbered: boolean): TextEdit {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nextBreak = text.indexOf('\n', end);
  const lineEnd = nextBreak === -1 ? text.length : nextBreak;
  const lines = text.slice(lineStart, lineEnd).split('\n');
  const listed = lines.map((line, i) => `${numbered ? `${i + 1}.` : '-'} ${line}`).join('\n');
  // A list needs a blank line before it to not run into the paragraph above.
  const gap = lineStart > 0 && text[lineStart - 2] !== '\n' ? '\n' : '';
  const next = text.slice(0, lineStart) + gap + listed + text.slice(lineEnd);
  const from = lineStart + gap.length;
  return { text: next, start: from + listed.length, end: from + listed.length };
}

/** Inserts `[text](https://)` or `![alt](https://)` and selects the URL to type over. */
function link({ text, start, end }: TextEdit, image: boolean): TextEdit {
  const label = text.slice(start, end) || (image ? 'image description' : 'link text');
  const url = 'https://';
  const head = `${image ? '!' : ''}[${label}](`;
  const next = text.slice(0, start) + head + url + ')' + text.slice(end);
  return { text: next, start: start + head.length, end: start + head.length + url.length };
}

/** Applies one toolbar action to the text and tells where the selection goes next. */
export function applyMarkdownFormat(edit: TextEdit, format: MarkdownFormat): TextEdit {
  switch (format) {
    case 'bold':
    case 'italic':
      return wrap(edit, format);
    case 'bulletList':
      return list(edit, false);
    case 'numberedList':
      return list(edit, true);
    case 'link':
      return link(edit, false);
    case 'image':
      return link(edit, true);
  }
}
