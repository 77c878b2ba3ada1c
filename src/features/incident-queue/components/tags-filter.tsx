import {
  Button,
  Checkbox,
  Field,
  Input,
  MenuButton,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  useId,
} from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { incidentKeys } from '@/api/incidents/incident-keys';
import type { Incident, ODataCollection } from '@/domain/graph';
import { LIMITS } from '@/domain/limits';
import { useTagsFilterStyles } from './tags-filter.styles';

/**
 * Graph has no list of tags, so the filter offers the custom tags of every incident the console
 * has loaded so far, and any tag the analyst types.
 */
function useSeenTags(): () => string[] {
  const queryClient = useQueryClient();
  return () => {
    const seen = new Map<string, string>();
    for (const [, data] of queryClient.getQueriesData<ODataCollection<Incident>>({
      queryKey: incidentKeys.lists(),
    })) {
      for (const incident of data?.value ?? []) {
        for (const tag of incident.customTags ?? []) seen.set(tag.toLowerCase(), tag);
      }
    }
    return [...seen.values()].sort((a, b) => a.localeCompare(b));
  };
}

export type TagsFilterProps = {
  selected: readonly string[];
  onChange: (tags: string[]) => void;
};

/**
 * Filters on custom tags: tick tags seen in the queue, or type any tag name. Like the other
 * filters, the choice applies when the popover closes.
 */
export function TagsFilter({ selected, onChange }: TagsFilterProps) {
  const styles = useTagsFilterStyles();
  const titleId = useId('tags-filter');
  const seenTags = useSeenTags();
  const [open, setOpen] = useState(false);
  const [known, setKnown] = useState<string[]>([]);
  const [draft, setDraft] = useState<readonly string[]>(selected);
  const [text, setText] = useState('');
  const chosen = open ? draft : selected;

  const has = (list: readonly string[], tag: string) =>
    list.some((t) => t.toLowerCase() === tag.toLowerCase());
  const listed = [...known, ...chosen.filter((t) => !has(known, t))];

  const add = (event: FormEvent) => {
    event.preventDefault();
    const tag = text.trim().slice(0, LIMITS.maxTagLength);
    if (tag === '') return;
    if (!has(draft, tag)) setDraft([...draft, tag]);
    setText('');
  };

  const toggle = (tag: string, on: boolean) =>
    setDraft(on ? [...draft, tag] : draft.filter((t) => t.toLowerCase() !== tag.toLowerCase()));

  return (
    <Popover
      open={open}
      positioning="below-start"
      trapFocus
      onOpenChange={(_, data) => {
        if (data.open) {
          setKnown(seenTags());
          setDraft(selected);
          setText('');
        } else {
          const typed = text.trim().slice(0, LIMITS.maxTagLength);
          // A typed tag counts even if the analyst closed without pressing Add.
          const next = typed !== '' && !has(draft, typed) ? [...draft, typed] : draft;
          const changed = next.length !== selected.length || next.some((t) => !has(selected, t));
          if (changed) onChange([...next]);
        }
        setOpen(data.open);
      }}
    >
      <PopoverTrigger disableButtonEnhancement>
        <MenuButton appearance={selected.length > 0 ? 'primary' : 'secondary'}>
          {selected.length > 0 ? `Tags (${selected.length})` : 'Tags'}
        </MenuButton>
      </PopoverTrigger>
      <PopoverSurface aria-labelledby={titleId} className={styles.surface}>
        <form className={styles.add} onSubmit={add}>
          <Field className={styles.field} label={{ children: 'Tag', id: titleId }}>
            <Input
              className={styles.input}
              maxLength={LIMITS.maxTagLength}
              placeholder="Type a tag name"
              value={text}
              onChange={(_, data) => setText(data.value)}
            />
          </Field>
          <Button disabled={text.trim() === ''} type="submit">
            Add
          </Button>
        </form>
        {listed.length > 0 ? (
          <div aria-label="Tags in the queue" className={styles.known} role="group">
            <span aria-hidden className={styles.knownTitle}>
              Tags in the queue
            </span>
            {listed.map((tag) => (
              <Checkbox
                checked={has(chosen, tag)}
                key={tag}
                label={tag}
                onChange={(_, data) => toggle(tag, data.checked === true)}
              />
            ))}
          </div>
        ) : (
          <span className={styles.hint}>No tags seen yet: type a tag name to filter on it.</span>
        )}
      </PopoverSurface>
    </Popover>
  );
}
