import { makeStyles, tokens } from '@fluentui/react-components';

/** The queue tools' lists of rows (Customize columns, Saved filters): one style for both. */
export const useToolListStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
  },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  /** A quiet line beside the list: a hint, or why it is empty. */
  note: { margin: 0, color: tokens.colorNeutralForeground3 },
});
