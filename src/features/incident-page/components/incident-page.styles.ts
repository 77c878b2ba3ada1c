import { makeStyles, tokens } from '@fluentui/react-components';

export const useIncidentPageStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  notice: { flexShrink: 0 },
  breadcrumb: { marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})` },
  tabs: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  panel: { minWidth: 0, paddingTop: tokens.spacingVerticalS },
  headerSkeleton: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
  },
  skeletonTitle: { width: '50%' },
  skeletonFacts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(6, minmax(0, 120px))',
    gap: tokens.spacingHorizontalXXL,
  },
});
