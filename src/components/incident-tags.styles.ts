import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useIncidentTagsStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    minWidth: 0,
  },
  // A grid cell: one line; what does not fit is summed up in "+N".
  oneLine: { flexWrap: 'nowrap', overflow: 'hidden' },
  chip: {
    ...typographyStyles.caption1Strong,
    display: 'inline-flex',
    alignItems: 'center',
    flexShrink: 0,
    boxSizing: 'border-box',
    // Long tags end in an ellipsis (the whole list is in the title); no token for chip widths.
    maxWidth: '160px',
    minHeight: '20px',
    paddingInline: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'nowrap',
  },
  text: { overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 },
  // Defender shows the tags people add light, and the tags the system adds dark.
  custom: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  system: {
    backgroundColor: tokens.colorNeutralBackgroundInverted,
    color: tokens.colorNeutralForegroundInverted,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralBackgroundInverted}`,
  },
  more: {
    color: tokens.colorNeutralForeground2,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});
