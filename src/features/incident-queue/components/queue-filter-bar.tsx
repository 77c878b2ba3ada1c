import { Button, Tag, TagGroup } from '@fluentui/react-components';
import { DismissCircleRegular } from '@fluentui/react-icons';
import { memo, useCallback } from 'react';
import { QueueSearchBox } from '@/components/queue-search-box';
import {
  ASSIGNMENT_FILTER_LABELS,
  CLASSIFICATION_FILTER_LABELS,
  SEVERITY_FILTER_LABELS,
  sourceFilterLabel,
  STATUS_FILTER_LABELS,
} from '../queue-labels';
import {
  ASSIGNMENT_FILTER_VALUES,
  CLASSIFICATION_FILTER_VALUES,
  hasAnyFilter,
  MAX_SEARCH_LENGTH,
  NO_FILTERS,
  queueViewKeyButSort,
  SEVERITY_FILTER_VALUES,
  SOURCE_FILTER_VALUES,
  STATUS_FILTER_VALUES,
  type QueueFilters,
  type QueueState,
} from '../queue-state';
import type { QueueStateUpdate } from '../use-queue-state';
import { FilterMenu } from './filter-menu';
import { useQueueFilterBarStyles } from './queue-filter-bar.styles';
import { TagsFilter } from './tags-filter';

type Chip = { key: string; text: string; clear: Partial<QueueFilters> };

function activeChips(filters: QueueFilters): Chip[] {
  const chips: Chip[] = [];
  const add = (key: keyof QueueFilters, name: string, values: string[]) => {
    if (values.length > 0)
      chips.push({ key, text: `${name}: ${values.join(', ')}`, clear: { [key]: NO_FILTERS[key] } });
  };
  add(
    'statuses',
    'Status',
    filters.statuses.map((s) => STATUS_FILTER_LABELS[s]),
  );
  add(
    'severities',
    'Severity',
    filters.severities.map((s) => SEVERITY_FILTER_LABELS[s]),
  );
  add(
    'assignments',
    'Assignment',
    filters.assignments.map((a) => ASSIGNMENT_FILTER_LABELS[a]),
  );
  add(
    'classifications',
    'Classification',
    filters.classifications.map((c) => CLASSIFICATION_FILTER_LABELS[c]),
  );
  add('sources', 'Service sources', filters.sources.map(sourceFilterLabel));
  add('tags', 'Tags', [...filters.tags]);
  if (filters.search !== '') add('search', 'Name or ID', [filters.search]);
  return chips;
}

export type QueueFilterBarProps = {
  state: QueueState;
  update: QueueStateUpdate;
};

/**
 * Search, the filter menus, and the active filters as removable chips with "Clear filters".
 * Renders again only when what it shows changes: not on a sort or another page.
 */
export const QueueFilterBar = memo(
  QueueFilterBarView,
  (a, b) => a.update === b.update && queueViewKeyButSort(a.state) === queueViewKeyButSort(b.state),
);

function QueueFilterBarView({ state, update }: QueueFilterBarProps) {
  const styles = useQueueFilterBarStyles();
  const chips = activeChips(state);
  const onSearch = useCallback((search: string) => update({ search }), [update]);

  return (
    <div className={styles.root}>
      <div className={styles.controls} role="group" aria-label="Filters">
        <QueueSearchBox
          className={styles.search}
          label="Search for name or ID"
          maxLength={MAX_SEARCH_LENGTH}
          value={state.search}
          onSearch={onSearch}
        />
        <FilterMenu
          label="Status"
          optionLabel={(v) => STATUS_FILTER_LABELS[v]}
          options={STATUS_FILTER_VALUES}
          selected={state.statuses}
          onChange={(statuses) => update({ statuses })}
        />
        <FilterMenu
          label="Severity"
          optionLabel={(v) => SEVERITY_FILTER_LABELS[v]}
          options={SEVERITY_FILTER_VALUES}
          selected={state.severities}
          onChange={(severities) => update({ severities })}
        />
        <FilterMenu
          label="Assignment"
          optionLabel={(v) => ASSIGNMENT_FILTER_LABELS[v]}
          options={ASSIGNMENT_FILTER_VALUES}
          selected={state.assignments}
          onChange={(assignments) => update({ assignments })}
        />
        <FilterMenu
          label="Classification"
          optionLabel={(v) => CLASSIFICATION_FILTER_LABELS[v]}
          options={CLASSIFICATION_FILTER_VALUES}
          selected={state.classifications}
          onChange={(classifications) => update({ classifications })}
        />
        <FilterMenu
          label="Service sources"
          optionLabel={sourceFilterLabel}
          options={SOURCE_FILTER_VALUES}
          selected={state.sources}
          onChange={(sources) => update({ sources })}
        />
        <TagsFilter selected={state.tags} onChange={(tags) => update({ tags })} />
      </div>
      {chips.length > 0 && (
        <div className={styles.chips}>
          <TagGroup
            aria-label="Active filters"
            className={styles.tagGroup}
            size="small"
            onDismiss={(_, data) => {
              const chip = chips.find((c) => c.key === data.value);
              if (chip) update(chip.clear);
            }}
          >
            {chips.map((chip) => (
              <Tag
                aria-label={`Remove filter ${chip.text}`}
                dismissible
                key={chip.key}
                shape="circular"
                value={chip.key}
              >
                {chip.text}
              </Tag>
            ))}
          </TagGroup>
          {hasAnyFilter(state) && (
            <Button
              appearance="subtle"
              icon={<DismissCircleRegular />}
              size="small"
              onClick={() => update(NO_FILTERS)}
            >
              Clear filters
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
