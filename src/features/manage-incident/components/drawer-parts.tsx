import { Skeleton, SkeletonItem } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { SideDrawerHeader } from '@/components/side-drawer';
import { useManageDrawerStyles } from './manage-drawer.styles';

/** The drawer's title row: "Manage incident", what it is for, and the close button. */
export function ManageDrawerHeader({
  subtitle,
  title,
  onClose,
}: {
  subtitle: ReactNode;
  title: string;
  onClose: () => void;
}) {
  const styles = useManageDrawerStyles();
  return (
    <SideDrawerHeader onClose={onClose}>
      {title}
      <span className={styles.subtitle}>{subtitle}</span>
    </SideDrawerHeader>
  );
}

/** Placeholder fields while the incident loads. */
export function FormSkeleton({ label }: { label: string }) {
  const styles = useManageDrawerStyles();
  return (
    <div aria-busy="true" aria-label={label} role="status">
      <Skeleton className={styles.skeleton}>
        {Array.from({ length: 6 }, (_, i) => (
          <div className={styles.skeletonField} key={i}>
            <SkeletonItem className={styles.skeletonLabel} size={12} />
            <SkeletonItem size={32} />
          </div>
        ))}
      </Skeleton>
    </div>
  );
}
