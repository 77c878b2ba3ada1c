import { makeStyles, tokens } from '@fluentui/react-components';

export const useCopyListLinkStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  message: { display: 'inline-flex', alignItems: 'center' },
  copied: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground2,
  },
  copiedIcon: { color: tokens.colorPaletteGreenForeground1 },
  failed: {
    color: tokens.colorPaletteRedForeground1,
    maxWidth: '420px',
  },
});
