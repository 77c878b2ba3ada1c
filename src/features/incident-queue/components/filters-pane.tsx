import {
  Button,
  Checkbox,
  DrawerBody,
  DrawerFooter,
  Spinner,
  useId,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { FilterRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { tagQueries } from '@/api/incidents/tag-queries';
import { SideDrawer } from '@/components/side-drawer';
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
  SEVERITY_FILTER_VALUES,
  SOURCE_FILTER_VALUES,
  STATUS_FILTER_VALUES,
  type QueueFilters,
  type QueueState,
} from '../queue-state';
import type { QueueStateUpdate } from '../use-queue-state';
import { useFiltersPaneStyles } from './filters-pane.styles';

type EnumKey = 'statuses' | 'severities' | 'assignments' | 'classifications' | 'sources';
type SectionKey = EnumKey | 'tags';

/** A section's choice: "Select all" (no filter on it), or the values ticked. */
type Choice = { all: boolean; picked: readonly string[] };
type Draft = Record<SectionKey, Choice>;

type Section = {
  key: SectionKey;
  title: string;
  /** The values listed. Tags are whatever is in use, so ticking each of them is not "all". */
  values: readonly string[];
  closed: boolean;
  label: (value: string) => string;
};

const labelFrom =
  (labels: Readonly<Record<string, string>>) =>
  (value: string): string =>
    labels[value] ?? value;

/** The pane's sections, in Defender's words (seed 003: "Incident assignment"). */
const ENUM_SECTIONS: readonly (Section & { key: EnumKey })[] = [
  {
    key: 'statuses',
    title: 'Status',
    values: STATUS_FILTER_VALUES,
    closed: true,
    label: labelFrom(STATUS_FILTER_LABELS),
  },
  {
    key: 'severities',
    title: 'Severity',
    values: SEVERITY_FILTER_VALUES,
    closed: true,
    label: labelFrom(SEVERITY_FILTER_LABELS),
  },
  {
    key: 'assignments',
    title: 'Incident assignment',
    values: ASSIGNMENT_FILTER_VALUES,
    closed: true,
    label: labelFrom(ASSIGNMENT_FILTER_LABELS),
  },
  {
    key: 'classifications',
    title: 'Classification',
    values: CLASSIFICATION_FILTER_VALUES,
    closed: true,
    label: labelFrom(CLASSIFICATION_FILTER_LABELS),
  },
  {
    key: 'sources',
    title: 'Service sources',
    values: SOURCE_FILTER_VALUES,
    closed: true,
    label: (value) => sourceFilterLabel(value as (typeof SOURCE_FILTER_VALUES)[number]),
  },
];

const choiceOf = (applied: readonly string[]): Choice => ({
  all: applied.length === 0,
  picked: applied,
});

function draftOf(state: QueueState): Draft {
  return {
    statuses: choiceOf(state.statuses),
    severities: choiceOf(state.severities),
    assignments: choiceOf(state.assignments),
    classifications: choiceOf(state.classifications),
    sources: choiceOf(state.sources),
    tags: choiceOf(state.tags),
  };
}

/** Only values the section knows, in its order; "Select all" is no filter. */
function pickedOf<T extends string>(choice: Choice, values: readonly T[]): T[] {
  return choice.all ? [] : values.filter((v) => choice.picked.includes(v));
}

function filtersOf(draft: Draft): Omit<QueueFilters, 'search'> {
  return {
    statuses: pickedOf(draft.statuses, STATUS_FILTER_VALUES),
    severities: pickedOf(draft.severities, SEVERITY_FILTER_VALUES),
    assignments: pickedOf(draft.assignments, ASSIGNMENT_FILTER_VALUES),
    classifications: pickedOf(draft.classifications, CLASSIFICATION_FILTER_VALUES),
    sources: pickedOf(draft.sources, SOURCE_FILTER_VALUES),
    tags: draft.tags.all ? [] : [...draft.tags.picked],
  };
}

/** A section with nothing ticked and "Select all" cleared would match nothing: it says so. */
const emptyChoiceError = (choice: Choice): string | undefined =>
  !choice.all && choice.picked.length === 0
    ? 'Select at least one value, or Select all.'
    : undefined;

function toggleValue(section: Section, choice: Choice, value: string, on: boolean): Choice {
  if (choice.all) {
    // Clearing one value of "all" leaves the others ticked, as the checkboxes showed them.
    return on ? choice : { all: false, picked: section.values.filter((v) => v !== value) };
  }
  const picked = on
    ? [...choice.picked.filter((v) => v !== value), value]
    : choice.picked.filter((v) => v !== value);
  const everything = section.values.every((v) => picked.includes(v));
  return section.closed && everything ? { all: true, picked: [] } : { all: false, picked };
}

function FilterSection({
  section,
  choice,
  onChange,
  children,
}: {
  section: Section;
  choice: Choice;
  onChange: (choice: Choice) => void;
  children?: React.ReactNode;
}) {
  const styles = useFiltersPaneStyles();
  const titleId = useId('filter-section');
  const errorId = useId('filter-section-error');
  const error = emptyChoiceError(choice);
  const selectAll = choice.all ? true : choice.picked.length > 0 ? 'mixed' : false;
  return (
    <div
      aria-describedby={error ? errorId : undefined}
      aria-labelledby={titleId}
      className={styles.section}
      role="group"
    >
      <h3 className={styles.sectionTitle} id={titleId}>
        {section.title}
      </h3>
      <Checkbox
        checked={selectAll}
        label="Select all"
        onChange={() =>
          onChange(choice.all ? { all: false, picked: [] } : { all: true, picked: [] })
        }
      />
      <div className={styles.values}>
        {section.values.map((value) => (
          <Checkbox
            checked={choice.all || choice.picked.includes(value)}
            key={value}
            label={section.label(value)}
            onChange={(_, data) =>
              onChange(toggleValue(section, choice, value, data.checked === true))
            }
          />
        ))}
      </div>
      {children}
      {error && (
        <span className={styles.error} id={errorId} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** Tags: those in use on incidents (the tag suggestions), and any the view already filters on. */
function useTagValues(applied: readonly string[]) {
  const suggestions = useQuery(tagQueries.suggestions(''));
  const known = suggestions.data ?? [];
  const extra = applied.filter((t) => !known.some((k) => k.toLowerCase() === t.toLowerCase()));
  return { suggestions, values: [...known, ...extra] };
}

function FiltersPaneContent({ state, update }: { state: QueueState; update: QueueStateUpdate }) {
  const styles = useFiltersPaneStyles();
  const [draft, setDraft] = useState<Draft>(() => draftOf(state));
  const [applied, setApplied] = useState(false);
  const tags = useTagValues(state.tags);
  const tagSection: Section = {
    key: 'tags',
    title: 'Tags',
    values: tags.values,
    closed: false,
    label: (value) => value,
  };
  const sections: Section[] = [...ENUM_SECTIONS, tagSection];
  const invalid = sections.some((s) => emptyChoiceError(draft[s.key]) !== undefined);

  const change = (key: SectionKey, choice: Choice) => {
    setDraft((d) => ({ ...d, [key]: choice }));
    setApplied(false);
  };

  return (
    <>
      <DrawerBody className={styles.body}>
        {sections.map((section) => (
          <FilterSection
            choice={draft[section.key]}
            key={section.key}
            section={section}
            onChange={(choice) => change(section.key, choice)}
          >
            {section.key === 'tags' && tags.suggestions.isPending && (
              <Spinner label="Loading the tags in use…" labelPosition="after" size="tiny" />
            )}
            {section.key === 'tags' && tags.suggestions.isError && (
              <span className={styles.hint}>
                Couldn&apos;t load the tags in use ({tags.suggestions.error.message}).{' '}
                <Button
                  appearance="transparent"
                  size="small"
                  onClick={() => void tags.suggestions.refetch()}
                >
                  Retry
                </Button>
              </span>
            )}
            {section.key === 'tags' && tags.suggestions.isSuccess && tags.values.length === 0 && (
              <span className={styles.hint}>No incident has a tag yet.</span>
            )}
          </FilterSection>
        ))}
      </DrawerBody>
      <DrawerFooter className={styles.footer}>
        <Button
          appearance="primary"
          disabled={invalid}
          onClick={() => {
            update(filtersOf(draft));
            setApplied(true);
          }}
        >
          Apply
        </Button>
        <span aria-live="polite" className={styles.applied} role="status">
          {applied ? 'Filters applied' : ''}
        </span>
      </DrawerFooter>
    </>
  );
}

export type FiltersPaneButtonProps = { state: QueueState; update: QueueStateUpdate };

/**
 * **Filters** (seed 003): a pane with a section per filter, each with **Select all** and a
 * checkbox per value. **Apply** puts the choice in the URL (so it can be bookmarked); closing
 * the pane keeps what was applied and drops what was not. The quick filter menus edit the same
 * URL state.
 */
export function FiltersPaneButton({ state, update }: FiltersPaneButtonProps) {
  const [open, setOpen] = useState(false);
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <>
      <Button icon={<FilterRegular />} {...restoreFocusTarget} onClick={() => setOpen(true)}>
        Filters
      </Button>
      <SideDrawer open={open} size="small" title="Filters" onClose={() => setOpen(false)}>
        <FiltersPaneContent state={state} update={update} />
      </SideDrawer>
    </>
  );
}
