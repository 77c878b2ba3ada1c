import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { LocalListNote as Note } from './use-local-list';

/**
 * What a queue says when the console filtered or looked up what Graph could not (live mode):
 * "Filtered in the console" or "Looked up by ID", and what it read. Nothing otherwise.
 */
export function LocalListNote({ note }: { note: Note | undefined }) {
  if (!note) return null;
  return (
    <MessageBar aria-live="polite" intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{note.title}</MessageBarTitle>
        {note.text}
      </MessageBarBody>
    </MessageBar>
  );
}
