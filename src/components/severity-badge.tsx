import { Badge, type BadgeProps } from '@fluentui/react-components';
import { memo } from 'react';
import { SEVERITY_LABELS, type AlertSeverity } from '@/domain/enums';

const SEVERITY_COLORS: Record<AlertSeverity, BadgeProps['color']> = {
  high: 'danger',
  medium: 'severe',
  low: 'warning',
  informational: 'informative',
  unknown: 'subtle',
  unknownFutureValue: 'subtle',
};

/**
 * The severity of an incident or alert, coloured as Defender does (red, orange, yellow, grey).
 * Memoised: a queue row that shows another incident of the same severity keeps its badge.
 */
export const SeverityBadge = memo(function SeverityBadge({
  severity,
}: {
  severity: AlertSeverity | null | undefined;
}) {
  const value = severity ?? 'unknown';
  return (
    <Badge appearance="tint" color={SEVERITY_COLORS[value]} shape="rounded">
      {SEVERITY_LABELS[value]}
    </Badge>
  );
});
