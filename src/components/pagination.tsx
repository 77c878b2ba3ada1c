import { Button, mergeClasses, Tooltip } from '@fluentui/react-components';
import {
  ChevronDoubleLeftRegular,
  ChevronDoubleRightRegular,
  ChevronLeftRegular,
  ChevronRightRegular,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { usePaginationStyles } from './pagination.styles';

const numberFormat = new Intl.NumberFormat();

export type PaginationProps = {
  /** Names the navigation landmark, e.g. "Pages of incidents". */
  'aria-label': string;
  /** Where the screen places it (a border above it, inside a surface). */
  className?: string;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** A word before the range ("Showing 1–50 of 397"). */
  rangePrefix?: string;
  /** Rows matching the view (Graph's `@odata.count`). */
  total: number;
  onPageChange: (page: number) => void;
};

function PageButton({
  disabled,
  icon,
  label,
  onClick,
}: {
  disabled: boolean;
  icon: ReactElement;
  label: string;
  onClick: () => void;
}) {
  return (
    <Tooltip content={label} relationship="label">
      <Button
        appearance="subtle"
        disabledFocusable={disabled}
        icon={icon}
        onClick={disabled ? undefined : onClick}
      />
    </Tooltip>
  );
}

/** Server pages of a queue: which rows are shown of how many, and buttons to move between pages. */
export function Pagination({
  'aria-label': label,
  className,
  page,
  pageSize,
  rangePrefix,
  total,
  onPageChange,
}: PaginationProps) {
  const styles = usePaginationStyles();
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label={label} className={mergeClasses(styles.root, className)}>
      <span className={styles.range}>
        {rangePrefix && `${rangePrefix} `}
        {numberFormat.format(first)}–{numberFormat.format(last)} of {numberFormat.format(total)}
      </span>
      <div className={styles.buttons}>
        <PageButton
          disabled={page <= 1}
          icon={<ChevronDoubleLeftRegular />}
          label="First page"
          onClick={() => onPageChange(1)}
        />
        <PageButton
          disabled={page <= 1}
          icon={<ChevronLeftRegular />}
          label="Previous page"
          onClick={() => onPageChange(page - 1)}
        />
        <span aria-current="page" className={styles.page}>
          Page {numberFormat.format(page)} of {numberFormat.format(pageCount)}
        </span>
        <PageButton
          disabled={page >= pageCount}
          icon={<ChevronRightRegular />}
          label="Next page"
          onClick={() => onPageChange(page + 1)}
        />
        <PageButton
          disabled={page >= pageCount}
          icon={<ChevronDoubleRightRegular />}
          label="Last page"
          onClick={() => onPageChange(pageCount)}
        />
      </div>
    </nav>
  );
}
