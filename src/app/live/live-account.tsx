/** Live mode's parts of the shell: who is signed in, Sign out, and "sign in again" on expiry. */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useLiveAuth, signInAgain, signOut } from './live-auth';

const useStyles = makeStyles({
  account: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** The signed-in user's UPN (who "Assigned to me" means) and Sign out. */
export function LiveAccount() {
  const styles = useStyles();
  const { upn } = useLiveAuth();
  return (
    <div className={styles.account}>
      <Text aria-label="Signed in as" size={200}>
        {upn}
      </Text>
      <Button appearance="subtle" onClick={() => void signOut()}>
        Sign out
      </Button>
    </div>
  );
}

/**
 * Shown when the session expired or was revoked and a token cannot be renewed silently: signing
 * in again happens in a popup, so the page and what was typed in it stay as they are.
 */
export function SessionExpiredBar({ className }: { className?: string }) {
  const { expired, renewalError } = useLiveAuth();
  if (!expired) return null;
  return (
    <MessageBar className={className} intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Your session has expired</MessageBarTitle>
        Sign in again to go on; nothing on this page is lost.
        {renewalError && ` ${renewalError}`}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={() => void signInAgain()}>
          Sign in again
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
