/**
 * Comment markdown, rendered through the sanitizer of markdown-html.ts. That module (marked and
 * DOMPurify) is loaded the first time a comment is shown, so it never weighs on the first load;
 * until it is there the comment shows as its plain text, which is just as inert.
 */
import { mergeClasses } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type * as MarkdownHtml from './markdown-html';
import { useMarkdownStyles } from './markdown.styles';

type Renderer = typeof MarkdownHtml;

let loaded: Renderer | undefined;
let loading: Promise<Renderer> | undefined;

/** Starts loading the markdown renderer (idempotent); resolves once it can be used. */
export function preloadMarkdown(): Promise<Renderer> {
  loading ??= import('./markdown-html').then((module) => (loaded = module));
  return loading;
}

/** The renderer once loaded; `undefined` before (or if its chunk could not be fetched). */
function useRenderer(): Renderer | undefined {
  const [renderer, setRenderer] = useState(loaded);
  useEffect(() => {
    if (renderer) return;
    let live = true;
    preloadMarkdown().then(
      (module) => live && setRenderer(module),
      // Stay on plain text: the comment is still readable, and a later mount retries.
      () => (loading = undefined),
    );
    return () => {
      live = false;
    };
  }, [renderer]);
  return renderer;
}

export type MarkdownProps = {
  className?: string;
  /** Markdown as the analyst typed it. */
  text: string;
};

/** Shows comment markdown as formatted, sanitized HTML (bold, italics, lists, links, images). */
export function Markdown({ className, text }: MarkdownProps) {
  const styles = useMarkdownStyles();
  const renderer = useRenderer();
  const html = useMemo(() => renderer?.renderMarkdown(text), [renderer, text]);
  if (html === undefined) {
    return <div className={mergeClasses(styles.root, styles.plain, className)}>{text}</div>;
  }
  return (
    <div
      className={mergeClasses(styles.root, className)}
      // The only raw HTML in the app: markdown-html.ts sanitizes it to a strict allowlist.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
