import { Badge, type BadgeProps } from '@fluentui/react-components';
import { memo } from 'react';
import { INCIDENT_STATUS_LABELS, type IncidentStatus } from '@/domain/enums';

const STATUS_COLORS: Record<IncidentStatus, BadgeProps['color']> = {
  active: 'brand',
  inProgress: 'important',
  awaitingAction: 'warning',
  resolved: 'success',
  redirected: 'subtle',
  unknownFutureValue: 'subtle',
};

/** An incident's status with the portal's label (memoised as `SeverityBadge` is). */
export const IncidentStatusBadge = memo(function IncidentStatusBadge({
  status,
}: {
  status: IncidentStatus | null | undefined;
}) {
  const value = status ?? 'unknownFutureValue';
  return (
    <Badge appearance="outline" color={STATUS_COLORS[value]} shape="rounded">
      {INCIDENT_STATUS_LABELS[value]}
    </Badge>
  );
});
