import { SearchBox } from '@fluentui/react-components';
import { useState } from 'react';
import { useDebouncedCallback } from './use-debounced';

export type QueueSearchBoxProps = {
  className?: string;
  /** Its name and placeholder, e.g. "Search for name or ID". */
  label: string;
  maxLength: number;
  /** The search the URL holds. */
  value: string;
  /** Called with the trimmed text once typing pauses, on Enter, and when the box is cleared. */
  onSearch: (search: string) => void;
};

/** A queue's search box: each pause in typing, not each keystroke, is one search. */
export function QueueSearchBox({
  className,
  label,
  maxLength,
  value,
  onSearch,
}: QueueSearchBoxProps) {
  const [text, setText] = useState(value);
  const [seenValue, setSeenValue] = useState(value);
  const [sent, setSent] = useState<string | null>(null);

  // The URL changed (back/forward, a filter tag removed): show what is searched now, unless it
  // is merely what this box just sent while the analyst kept typing.
  if (value !== seenValue) {
    setSeenValue(value);
    if (value !== sent) setText(value);
    setSent(null);
  }

  const commit = (next: string) => {
    const trimmed = next.trim();
    setSent(trimmed);
    if (trimmed !== value) onSearch(trimmed);
  };
  // Typing that the URL has replaced in the meantime (back, a tag removed) is not searched.
  const commitLater = useDebouncedCallback((typed: string) => {
    if (typed === text) commit(typed);
  });

  return (
    <SearchBox
      aria-label={label}
      className={className}
      dismiss={{ 'aria-label': 'Clear search' }}
      maxLength={maxLength}
      placeholder={label}
      value={text}
      onChange={(_, data) => {
        setText(data.value);
        if (data.value === '') {
          commitLater.cancel();
          commit('');
        } else {
          commitLater.schedule(data.value);
        }
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          commitLater.cancel();
          commit(text);
        }
      }}
    />
  );
}
