import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ShieldKeyholeFilled } from '@fluentui/react-icons';
import { useState } from 'react';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'grid',
    placeItems: 'center',
    padding: tokens.spacingHorizontalXXL,
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '28rem',
  },
  brand: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
  },
  icon: { color: tokens.colorBrandForeground1, fontSize: '28px' },
});

/** Shown instead of the console until someone signs in (live mode), or why it cannot start. */
export function SignInScreen({
  onSignIn,
  error,
}: {
  onSignIn?: () => Promise<void>;
  error?: string;
}) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const start = () => {
    if (!onSignIn) return;
    setBusy(true);
    onSignIn().catch((e: unknown) => {
      setBusy(false);
      setFailure(`Sign-in could not start (${e instanceof Error ? e.message : String(e)}).`);
    });
  };
  const shown = error ?? failure;
  return (
    <main className={styles.root}>
      <div className={styles.card}>
        <h1 className={styles.brand}>
          <ShieldKeyholeFilled aria-hidden className={styles.icon} />
          SOC incident console
        </h1>
        <Text>
          Sign in with your work account to see your tenant&apos;s incidents from Microsoft Defender
          XDR and Microsoft Sentinel.
        </Text>
        {shown && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{shown}</MessageBarBody>
          </MessageBar>
        )}
        {onSignIn && (
          <Button appearance="primary" disabled={busy} onClick={start}>
            Sign in
          </Button>
        )}
      </div>
    </main>
  );
}
