import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  makeStyles,
  tokens,
  Tooltip,
  typographyStyles,
} from '@fluentui/react-components';
import { BookmarkMultipleRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import { filterSetFromQuery, filterSetQuery } from '../filter-set';
import type { QueueState } from '../queue-state';
import {
  MAX_SET_NAME_LENGTH,
  useSavedFilterActions,
  useSavedFilterSets,
} from '../saved-filters-store';
import type { QueueStateUpdate } from '../use-queue-state';
import { useToolListStyles } from './tool-list.styles';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  save: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1 },
  saveButton: { marginBlockStart: '26px' },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  open: { flexGrow: 1, justifyContent: 'flex-start', minWidth: 0 },
  status: { ...typographyStyles.body1, minHeight: '20px', margin: 0 },
});

export type SavedFiltersProps = { state: QueueState; update: QueueStateUpdate };

/**
 * **Saved filters** (SPEC.md §12.1, "saved filter queries"): name the current filters and time
 * range to keep them in this browser; open a saved set to apply it (sort and page size stay as
 * they are); delete sets no longer needed.
 */
export function SavedFilters({ state, update }: SavedFiltersProps) {
  const styles = useStyles();
  const list = useToolListStyles();
  const sets = useSavedFilterSets();
  const { save, remove } = useSavedFilterActions();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const outcome = save(name, filterSetQuery(state));
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    setStatus(`Saved "${name.trim()}".`);
    setName('');
    setError(undefined);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        if (data.open) {
          setName('');
          setError(undefined);
          setStatus('');
        }
        setOpen(data.open);
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<BookmarkMultipleRegular />}>Saved filters</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Saved filters</DialogTitle>
          <DialogContent className={styles.content}>
            <form className={styles.save} noValidate onSubmit={submit}>
              <Field
                className={styles.field}
                hint="Saves the current filters, search and time range in this browser."
                label="Name"
                validationMessage={error}
                validationState={error ? 'error' : 'none'}
              >
                <Input
                  maxLength={MAX_SET_NAME_LENGTH + 20}
                  value={name}
                  onChange={(_, data) => {
                    setName(data.value);
                    setError(undefined);
                  }}
                />
              </Field>
              <Button className={styles.saveButton} type="submit">
                Save current filters
              </Button>
            </form>
            <section aria-labelledby="saved-filter-sets" className={styles.content}>
              <h3 className={styles.heading} id="saved-filter-sets">
                Filter sets
              </h3>
              {sets.length === 0 ? (
                <p className={list.note}>No saved filter sets yet.</p>
              ) : (
                <ul aria-labelledby="saved-filter-sets" className={list.list}>
                  {sets.map((set) => (
                    <li className={list.item} key={set.name}>
                      <Button
                        appearance="subtle"
                        className={styles.open}
                        onClick={() => {
                          update(filterSetFromQuery(set.query));
                          setOpen(false);
                        }}
                      >
                        {set.name}
                      </Button>
                      <Tooltip content={`Delete ${set.name}`} relationship="label">
                        <Button
                          appearance="subtle"
                          icon={<DeleteRegular />}
                          onClick={() => {
                            remove(set.name);
                            setStatus(`Deleted "${set.name}".`);
                          }}
                        />
                      </Tooltip>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <p aria-live="polite" className={styles.status} role="status">
              {status}
            </p>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">Close</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
