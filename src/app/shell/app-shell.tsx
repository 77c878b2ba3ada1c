import { mergeClasses } from '@fluentui/react-components';
import { ShieldKeyholeFilled } from '@fluentui/react-icons';
import { lazy, Suspense, useState } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { LIVE_BUILD, useLiveMode } from '@/api/config';
import { useOpenAlertId } from '@/components/alert-panel-param';
import { ActionHost } from '../actions/action-host';
import { openAction } from '../actions/action-store';
import { useStartupNotice } from '../startup-notice';
import { useAppShellStyles } from './app-shell.styles';
import { PersonaSwitcher, preloadPersonaSwitcher } from './persona-switcher';
import { preloadResetDemoDataButton, ResetDemoDataButton } from './reset-demo-data-button';
import { ThemeToggle } from './theme-toggle';
import { ThrottleBar } from './throttle-bar';

// The demo controls' Fluent components (Dropdown, Dialog) are chunks of their own, fetched now,
// while the app boots (main.tsx starts the mock worker first), rather than in the first load.
if (!LIVE_BUILD) {
  preloadPersonaSwitcher();
  preloadResetDemoDataButton();
}

// Live mode's account controls come with MSAL, in a chunk the mock build never loads.
const LiveAccount = lazy(async () => ({
  default: (await import('../live/live-account')).LiveAccount,
}));
const SessionExpiredBar = lazy(async () => ({
  default: (await import('../live/live-account')).SessionExpiredBar,
}));

// Fluent's MessageBar is its own chunk: the notice comes after the store opens, if at all.
const StartupNoticeBar = lazy(async () => ({
  default: (await import('./startup-notice-bar')).StartupNoticeBar,
}));

// Its own chunk: most visits never open an alert.
const AlertDetailsPanel = lazy(async () => ({
  default: (await import('@/features/alert-details/components/alert-details-panel'))
    .AlertDetailsPanel,
}));

const onMoveAlert = (alertId: string) =>
  openAction({ kind: 'move', alertIds: [alertId], origin: 'alertPanel' });

/** The alert details panel, loaded the first time a URL carries `?alert=`, then kept mounted. */
function GlobalAlertPanel() {
  const [alertId] = useOpenAlertId();
  const [needed, setNeeded] = useState(alertId !== null);
  if (alertId !== null && !needed) setNeeded(true);
  if (!needed) return null;
  return (
    <Suspense fallback={null}>
      <AlertDetailsPanel onMoveAlert={onMoveAlert} />
    </Suspense>
  );
}

function TopNav() {
  const styles = useAppShellStyles();
  const navClass = ({ isActive }: { isActive: boolean }) =>
    mergeClasses(styles.navLink, isActive && styles.navLinkActive);
  return (
    <nav aria-label="Main" className={styles.nav}>
      <NavLink className={navClass} to="/incidents">
        Incidents
      </NavLink>
      <NavLink className={navClass} to="/alerts">
        Alerts
      </NavLink>
    </nav>
  );
}

/** The frame of every page: top bar (product, sections, persona, theme, demo reset), notice, page. */
export function AppShell() {
  const styles = useAppShellStyles();
  const notice = useStartupNotice();
  const [dismissed, setDismissed] = useState<typeof notice>();
  // The mode the client runs in (set once at start-up), not only how it was built: tests of
  // live behaviour enter it in a mock build.
  const live = useLiveMode();

  return (
    <div className={styles.root}>
      <header className={styles.topBar}>
        <Link className={styles.brand} to="/incidents">
          <ShieldKeyholeFilled aria-hidden className={styles.brandIcon} />
          SOC incident console
        </Link>
        <TopNav />
        <div className={styles.spacer} />
        <div className={styles.actions}>
          {!live && <PersonaSwitcher />}
          {live && (
            <Suspense fallback={null}>
              <LiveAccount />
            </Suspense>
          )}
          <ThemeToggle />
          {!live && <ResetDemoDataButton />}
        </div>
      </header>
      {notice && notice !== dismissed && (
        <Suspense fallback={null}>
          <StartupNoticeBar
            className={styles.notice}
            notice={notice}
            onDismiss={() => setDismissed(notice)}
          />
        </Suspense>
      )}
      {live && (
        <Suspense fallback={null}>
          <SessionExpiredBar className={styles.notice} />
        </Suspense>
      )}
      <ThrottleBar className={styles.notice} />
      {/* Focusable so focus has somewhere sensible to land when a panel's opener is gone. */}
      <main className={styles.main} tabIndex={-1}>
        <Outlet />
      </main>
      <GlobalAlertPanel />
      <ActionHost />
    </div>
  );
}
