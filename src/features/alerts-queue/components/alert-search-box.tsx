import { SearchBox } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useAlertsQueueStyles } from './alerts-queue-page.styles';

const SEARCH_DELAY_MS = 400;
const LABEL = 'Search for alert name or ID';

export type AlertSearchBoxProps = {
  /** The search the URL holds. */
  value: string;
  /** Called once typing pauses, on Enter, and when the box is cleared. */
  onSearch: (search: string) => void;
};

/** Search by alert name or ID: debounced so each pause, not each keystroke, is one request. */
export function AlertSearchBox({ value, onSearch }: AlertSearchBoxProps) {
  const styles = useAlertsQueueStyles();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);

  // Back/forward or a tag's dismiss changed the search: show what the URL says.
  if (value !== shown) {
    setShown(value);
    setText(value);
  }

  useEffect(() => {
    if (text.trim() === value) return undefined;
    const timer = window.setTimeout(() => onSearch(text.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <SearchBox
      aria-label={LABEL}
      className={styles.search}
      dismiss={{ 'aria-label': 'Clear search' }}
      maxLength={200}
      placeholder={LABEL}
      value={text}
      onChange={(_, data) => {
        setText(data.value);
        if (data.value === '') onSearch('');
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onSearch(text.trim());
      }}
    />
  );
}
