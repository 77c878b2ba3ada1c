import {
  Button,
  Dropdown,
  Field,
  Option,
  Tag,
  TagGroup,
  type TagGroupProps,
} from '@fluentui/react-components';
import { DismissCircleRegular } from '@fluentui/react-icons';
import type { FilterOption } from '../alerts-queue-labels';
import {
  FILTER_DEFINITIONS,
  hasActiveFilters,
  type AlertsQueueView,
  type FilterDefinition,
  type FilterKey,
} from '../alerts-queue-view';
import { useAlertFiltersStyles } from './alert-filters.styles';

const SEARCH_TAG = 'search';

function labelsOf(options: readonly FilterOption[], values: readonly string[]): string[] {
  return values.map((v) => options.find((o) => o.value === v)?.label ?? v);
}

/** What a closed dropdown shows: the choices, shortened once there are more than two. */
function summary(labels: readonly string[]): string {
  if (labels.length <= 2) return labels.join(', ');
  return `${labels[0]}, +${labels.length - 1}`;
}

function FilterDropdown({
  definition,
  values,
  onChange,
}: {
  definition: FilterDefinition;
  values: readonly string[];
  onChange: (key: FilterKey, values: readonly string[]) => void;
}) {
  const styles = useAlertFiltersStyles();
  const shown = summary(labelsOf(definition.options, values));
  return (
    <Field className={styles.field} label={definition.label} size="small">
      <Dropdown
        button={{
          className: styles.dropdownButton,
          title: shown || undefined,
          children: <span className={styles.dropdownText}>{shown || 'Any'}</span>,
        }}
        className={styles.dropdown}
        multiselect
        placeholder="Any"
        selectedOptions={[...values]}
        size="small"
        value={shown}
        onOptionSelect={(_, data) => onChange(definition.key, data.selectedOptions)}
      >
        {definition.options.map((option) => (
          <Option key={option.value} value={option.value}>
            {option.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

export type AlertFiltersProps = {
  view: AlertsQueueView;
  onClearFilters: () => void;
  onFilterChange: (key: FilterKey, values: readonly string[]) => void;
  onSearchChange: (search: string) => void;
};

/** The queue's filters (one dropdown each) and the active ones as removable tags. */
export function AlertFilters({
  view,
  onClearFilters,
  onFilterChange,
  onSearchChange,
}: AlertFiltersProps) {
  const styles = useAlertFiltersStyles();
  const active = FILTER_DEFINITIONS.filter((d) => view.filters[d.key].length > 0);

  const onDismiss: TagGroupProps['onDismiss'] = (_, { value }) => {
    if (value === SEARCH_TAG) onSearchChange('');
    else onFilterChange(value as FilterKey, []);
  };

  return (
    <div className={styles.root}>
      <div aria-label="Filters" className={styles.bar} role="group">
        {FILTER_DEFINITIONS.map((definition) => (
          <FilterDropdown
            definition={definition}
            key={definition.key}
            values={view.filters[definition.key]}
            onChange={onFilterChange}
          />
        ))}
      </div>
      {hasActiveFilters(view) && (
        <div className={styles.active}>
          <span className={styles.activeLabel} id="alerts-active-filters">
            Active filters
          </span>
          <TagGroup
            aria-labelledby="alerts-active-filters"
            className={styles.tags}
            size="small"
            onDismiss={onDismiss}
          >
            {active.map((definition) => {
              const text = `${definition.label}: ${labelsOf(definition.options, view.filters[definition.key]).join(', ')}`;
              return (
                <Tag
                  aria-label={`Remove filter ${text}`}
                  dismissible
                  key={definition.key}
                  shape="circular"
                  title={text}
                  value={definition.key}
                >
                  <span className={styles.tagText}>{text}</span>
                </Tag>
              );
            })}
            {view.search && (
              <Tag
                aria-label={`Remove filter Search: ${view.search}`}
                dismissible
                key={SEARCH_TAG}
                shape="circular"
                value={SEARCH_TAG}
              >
                <span className={styles.tagText}>Search: {view.search}</span>
              </Tag>
            )}
          </TagGroup>
          <Button
            appearance="subtle"
            icon={<DismissCircleRegular />}
            size="small"
            onClick={onClearFilters}
          >
            Clear filters
          </Button>
        </div>
      )}
    </div>
  );
}
