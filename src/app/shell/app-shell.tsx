import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { DismissRegular, ShieldKeyholeFilled } from '@fluentui/react-icons';
import { useState } from 'react';
import { Link, Outlet } from 'react-router';
import { MOCK_ENABLED } from '@/api/config';
import type { StartupNotice } from '../startup-notice';
import { useAppShellStyles } from './app-shell.styles';
import { PersonaSwitcher } from './persona-switcher';
import { ResetDemoDataButton } from './reset-demo-data-button';
import { ThemeToggle } from './theme-toggle';

/** The frame of every page: top bar (product, persona, theme, demo reset), start-up notice, page. */
export function AppShell({ notice }: { notice?: StartupNotice }) {
  const styles = useAppShellStyles();
  const [noticeOpen, setNoticeOpen] = useState(notice !== undefined);

  return (
    <div className={styles.root}>
      <header className={styles.topBar}>
        <Link className={styles.brand} to="/incidents">
          <ShieldKeyholeFilled aria-hidden className={styles.brandIcon} />
          SOC incident console
        </Link>
        <div className={styles.spacer} />
        <div className={styles.actions}>
          {MOCK_ENABLED && <PersonaSwitcher />}
          <ThemeToggle />
          {MOCK_ENABLED && <ResetDemoDataButton />}
        </div>
      </header>
      {notice && noticeOpen && (
        <MessageBar className={styles.notice} intent={notice.intent} layout="multiline">
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
                onClick={() => setNoticeOpen(false)}
              />
            }
          />
        </MessageBar>
      )}
      <main className={styles.main}>
        <Outlet />
      </main>
    </div>
  );
}
