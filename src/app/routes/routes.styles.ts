import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useRoutesStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  breadcrumb: { ...typographyStyles.body1 },
  message: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXXL,
  },
  title: { ...typographyStyles.title3, margin: 0 },
  startup: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  seedProgress: { width: 'min(420px, 80vw)' },
});
