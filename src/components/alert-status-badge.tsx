import { Badge, type BadgeProps } from '@fluentui/react-components';
import { ALERT_STATUS_LABELS, type AlertStatus } from '@/domain/enums';

const STATUS_COLORS: Record<AlertStatus, BadgeProps['color']> = {
  new: 'brand',
  inProgress: 'important',
  resolved: 'success',
  unknown: 'subtle',
  unknownFutureValue: 'subtle',
};

/** An alert's status with the portal's label. */
export function AlertStatusBadge({ status }: { status: AlertStatus | null | undefined }) {
  const value = status ?? 'unknown';
  return (
    <Badge appearance="outline" color={STATUS_COLORS[value]} shape="rounded">
      {ALERT_STATUS_LABELS[value]}
    </Badge>
  );
}
