import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { StartupNotice } from '../startup-notice';

/** The start-up notice above every page, until dismissed. */
export function StartupNoticeBar({
  className,
  notice,
  onDismiss,
}: {
  className?: string;
  notice: StartupNotice;
  onDismiss: () => void;
}) {
  return (
    <MessageBar className={className} intent={notice.intent} layout="multiline">
      <MessageBarBody>
        {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
        {notice.message}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label="Dismiss"
            icon={<DismissRegular />}
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
}
