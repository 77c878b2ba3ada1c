/**
 * The comment box of the activity log and the alert panel (seed 003, "Add comments": text and
 * formatting, links, and images; each comment is limited to 30,000 characters). Markdown with a
 * formatting toolbar, a preview, a live character counter, and the server's reason when a post
 * is refused.
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  mergeClasses,
  Tab,
  TabList,
  Textarea,
  Toolbar,
  ToolbarButton,
  Tooltip,
} from '@fluentui/react-components';
import {
  DismissRegular,
  ImageRegular,
  LinkRegular,
  SendRegular,
  TextBoldRegular,
  TextBulletListLtrRegular,
  TextItalicRegular,
  TextNumberListLtrRegular,
  type FluentIcon,
} from '@fluentui/react-icons';
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { commentProblem } from '@/domain/comments';
import { LIMITS } from '@/domain/limits';
import { Markdown, preloadMarkdown } from './markdown';
import { useMarkdownCommentBoxStyles } from './markdown-comment-box.styles';
import { applyMarkdownFormat, type MarkdownFormat } from './markdown-format';

const numberFormat = new Intl.NumberFormat('en-US');

const FORMATS: readonly {
  format: MarkdownFormat;
  label: string;
  icon: FluentIcon;
  /** As `aria-keyshortcuts` spells it; the tooltip shows Ctrl+<key>. */
  shortcut?: string;
}[] = [
  { format: 'bold', label: 'Bold', icon: TextBoldRegular, shortcut: 'Control+B' },
  { format: 'italic', label: 'Italic', icon: TextItalicRegular, shortcut: 'Control+I' },
  { format: 'bulletList', label: 'Bulleted list', icon: TextBulletListLtrRegular },
  { format: 'numberedList', label: 'Numbered list', icon: TextNumberListLtrRegular },
  { format: 'link', label: 'Link', icon: LinkRegular },
  { format: 'image', label: 'Image by URL', icon: ImageRegular },
];

export type MarkdownCommentBoxProps = {
  /** Why this persona can't comment here; the box is disabled and says so. */
  disabledReason?: string;
  /** @default 'Comment' */
  label?: string;
  /**
   * Posts the comment. The box empties at once (the caller shows the comment optimistically);
   * if the promise rejects, the text comes back and the error's message is shown.
   */
  onPost: (text: string) => Promise<unknown>;
  /** @default 'Add a comment' */
  placeholder?: string;
};

/** A markdown comment box with toolbar, preview, counter and the server's reason on failure. */
export function MarkdownCommentBox({
  disabledReason,
  label = 'Comment',
  onPost,
  placeholder = 'Add a comment',
}: MarkdownCommentBoxProps) {
  const styles = useMarkdownCommentBoxStyles();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  const [showEmptyError, setShowEmptyError] = useState(false);
  const [failure, setFailure] = useState<string>();
  // Where the selection goes after a toolbar edit re-renders the textarea.
  const [selection, setSelection] = useState<{ start: number; end: number }>();

  useLayoutEffect(() => {
    const textarea = textareaRef.current;
    if (!selection || !textarea) return;
    textarea.focus();
    textarea.setSelectionRange(selection.start, selection.end);
    setSelection(undefined);
  }, [selection]);

  const disabled = disabledReason !== undefined;
  const tooLong = text.length > LIMITS.maxCommentLength;
  const problem = commentProblem(text);
  const error = tooLong || (showEmptyError && problem) ? problem : undefined;

  const format = (kind: MarkdownFormat) => {
    const textarea = textareaRef.current;
    if (!textarea) return;
    setMode('write');
    const next = applyMarkdownFormat(
      { text, start: textarea.selectionStart, end: textarea.selectionEnd },
      kind,
    );
    setText(next.text);
    setSelection({ start: next.start, end: next.end });
  };

  const post = () => {
    if (disabled) return;
    if (problem) {
      setShowEmptyError(true);
      textareaRef.current?.focus();
      return;
    }
    const posted = text;
    setFailure(undefined);
    setShowEmptyError(false);
    setText('');
    setMode('write');
    onPost(posted).catch((cause: unknown) => {
      setFailure(cause instanceof Error ? cause.message : String(cause));
      // Give the analyst their words back, unless they already started a new comment.
      setText((current) => (current === '' ? posted : current));
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const mod = event.ctrlKey || event.metaKey;
    if (!mod) return;
    const key = event.key.toLowerCase();
    if (key === 'b' || key === 'i') {
      event.preventDefault();
      format(key === 'b' ? 'bold' : 'italic');
    } else if (key === 'enter') {
      event.preventDefault();
      post();
    }
  };

  const counter = (
    <span className={mergeClasses(styles.counter, tooLong && styles.counterOver)}>
      {numberFormat.format(text.length)} / {numberFormat.format(LIMITS.maxCommentLength)}
    </span>
  );

  return (
    <div className={styles.root}>
      {disabledReason && (
        <MessageBar intent="info">
          <MessageBarBody>{disabledReason}</MessageBarBody>
        </MessageBar>
      )}
      <Field
        hint={{
          className: styles.hint,
          children: (
            <>
              <span>
                Markdown: **bold**, *italics*, - lists, [link](https://…), ![image](https://…)
              </span>
              {counter}
            </>
          ),
        }}
        label={label}
        validationMessage={error}
        validationState={error ? 'error' : 'none'}
      >
        {(fieldProps) => (
          <div
            className={mergeClasses(
              styles.editor,
              error && styles.editorError,
              disabled && styles.editorDisabled,
            )}
          >
            <div className={styles.bar}>
              <TabList
                disabled={disabled}
                selectedValue={mode}
                size="small"
                onTabSelect={(_, data) => {
                  const next = data.value as 'write' | 'preview';
                  if (next === 'preview') void preloadMarkdown();
                  setMode(next);
                }}
              >
                <Tab value="write">Write</Tab>
                <Tab value="preview">Preview</Tab>
              </TabList>
              <Toolbar aria-label="Formatting" className={styles.toolbar} size="small">
                {FORMATS.map(({ format: kind, label: name, icon: Icon, shortcut }) => (
                  <Tooltip
                    content={shortcut ? `${name} (${shortcut.replace('Control', 'Ctrl')})` : name}
                    key={kind}
                    relationship="inaccessible"
                  >
                    <ToolbarButton
                      appearance="subtle"
                      aria-keyshortcuts={shortcut}
                      aria-label={name}
                      disabled={disabled || mode === 'preview'}
                      icon={<Icon />}
                      onClick={() => format(kind)}
                    />
                  </Tooltip>
                ))}
              </Toolbar>
            </div>
            {mode === 'write' ? (
              <Textarea
                {...fieldProps}
                className={styles.textarea}
                disabled={disabled}
                placeholder={placeholder}
                ref={textareaRef}
                resize="vertical"
                value={text}
                onChange={(_, data) => {
                  setText(data.value);
                  if (showEmptyError && data.value.trim() !== '') setShowEmptyError(false);
                }}
                onKeyDown={onKeyDown}
              />
            ) : (
              <div aria-label="Preview" className={styles.preview} role="region">
                {text.trim() ? (
                  <Markdown text={text} />
                ) : (
                  <span className={styles.previewEmpty}>Nothing to preview.</span>
                )}
              </div>
            )}
          </div>
        )}
      </Field>
      {failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Couldn&apos;t post the comment</MessageBarTitle>
            {failure}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label="Dismiss"
                icon={<DismissRegular />}
                onClick={() => setFailure(undefined)}
              />
            }
          />
        </MessageBar>
      )}
      <div className={styles.footer}>
        {!disabled && <span className={styles.shortcut}>Ctrl+Enter to post</span>}
        <Button
          appearance="primary"
          disabled={disabled || tooLong}
          icon={<SendRegular />}
          onClick={post}
        >
          Post comment
        </Button>
      </div>
    </div>
  );
}
