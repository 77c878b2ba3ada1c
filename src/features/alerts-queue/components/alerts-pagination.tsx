import { Button, Text } from '@fluentui/react-components';
import {
  ChevronDoubleLeftRegular,
  ChevronDoubleRightRegular,
  ChevronLeftRegular,
  ChevronRightRegular,
} from '@fluentui/react-icons';
import { ALERTS_PAGE_SIZE } from '../alerts-queue-view';
import { useAlertsQueueStyles } from './alerts-queue-page.styles';

const countFormat = new Intl.NumberFormat();

export type AlertsPaginationProps = {
  /** 1-based. */
  page: number;
  /** Alerts matching the view (Graph's `@odata.count`). */
  total: number;
  onPageChange: (page: number) => void;
};

/** "1–50 of 1,839" and the buttons that move between server pages of 50. */
export function AlertsPagination({ page, total, onPageChange }: AlertsPaginationProps) {
  const styles = useAlertsQueueStyles();
  const pageCount = Math.max(1, Math.ceil(total / ALERTS_PAGE_SIZE));
  const first = total === 0 ? 0 : (page - 1) * ALERTS_PAGE_SIZE + 1;
  const last = Math.min(total, page * ALERTS_PAGE_SIZE);
  const atStart = page <= 1;
  const atEnd = page >= pageCount;

  return (
    <nav aria-label="Alert pages" className={styles.pagination}>
      <Text className={styles.range}>
        {countFormat.format(first)}–{countFormat.format(last)} of {countFormat.format(total)}
      </Text>
      <div className={styles.pageButtons}>
        <Button
          appearance="subtle"
          aria-label="First page"
          disabledFocusable={atStart}
          icon={<ChevronDoubleLeftRegular />}
          onClick={() => onPageChange(1)}
        />
        <Button
          appearance="subtle"
          aria-label="Previous page"
          disabledFocusable={atStart}
          icon={<ChevronLeftRegular />}
          onClick={() => onPageChange(page - 1)}
        />
        <Text aria-current="page" className={styles.pageLabel}>
          Page {countFormat.format(page)} of {countFormat.format(pageCount)}
        </Text>
        <Button
          appearance="subtle"
          aria-label="Next page"
          disabledFocusable={atEnd}
          icon={<ChevronRightRegular />}
          onClick={() => onPageChange(page + 1)}
        />
        <Button
          appearance="subtle"
          aria-label="Last page"
          disabledFocusable={atEnd}
          icon={<ChevronDoubleRightRegular />}
          onClick={() => onPageChange(pageCount)}
        />
      </div>
    </nav>
  );
}
