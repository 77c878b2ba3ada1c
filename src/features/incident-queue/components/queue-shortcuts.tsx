/**
 * Keyboard triage in the queue (issue 14): j/k move the focus row, x ticks it, Enter opens its
 * page, o its side pane, m merges the ticked incidents, a assigns the focus row to me, / goes to
 * the search box and ? lists them all. They never fire while typing in a field or while a
 * flyout, dialog or menu is open, and leave Fluent's grid keys (arrows, Home, End, Tab) alone:
 * j/k move focus into the grid's own cells, so the arrows go on from there.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useNavigate } from 'react-router';
import { useSessionUpn } from '@/api/session-store';
import { useCurrentPersona } from '@/components/use-current-persona';
import { VisuallyHidden } from '@/components/visually-hidden';
import { incidentWriteDenial } from '@/domain/identity';
import { useAssignToMe } from '../api/use-assign-to-me';
import { focusIncidentRow, incidentRowElements } from '../grid-focus';
import { incidentSelection } from '../incident-selection-store';
import { actionRequirement } from '../queue-actions';
import type { QueueRow } from '../queue-rows';
import { useQueueShortcutsStyles } from './queue-shortcuts.styles';

/** The shortcuts, as the ? dialog and the README list them. */
const QUEUE_SHORTCUTS: readonly { keys: string; what: string }[] = [
  { keys: 'j / k', what: 'Move to the next / previous incident' },
  { keys: 'x', what: 'Tick or untick the incident' },
  { keys: 'Enter', what: "Open the incident's page" },
  { keys: 'o', what: "Open the incident's side pane (then ↑ / ↓ move through the page)" },
  { keys: 'm', what: 'Merge the ticked incidents (2 to 5)' },
  { keys: 'a', what: 'Assign the incident to me' },
  { keys: '/', what: 'Search for name or ID' },
  { keys: '?', what: 'Show these shortcuts' },
  {
    keys: 'Shift+F10',
    what: 'On a column header: Resize with keyboard, then ← / → change its width and Enter ends',
  },
];

/** Where typing goes: a shortcut key there is text, not a command. */
const EDITABLE =
  'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"], [role="combobox"], [role="spinbutton"], [role="searchbox"]';
/** Something that holds the keyboard on top of the queue. */
const OVERLAY = '[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]';
/** The incident side pane beside the queue (incident-side-pane.tsx). */
const INCIDENT_PANE = '[data-incident-pane]';

export type QueueShortcutsProps = {
  /** The queue's section: the grid and the search box are found in it. */
  rootRef: RefObject<HTMLElement | null>;
  rows: readonly QueueRow[];
  /** Why the persona may not change incidents, if so. */
  readOnlyReason: string | undefined;
  mergingIds: ReadonlySet<string>;
  onMergeIncidents: (incidentIds: string[]) => void;
  onOpenPane: (incidentId: string) => void;
};

export function QueueShortcuts({
  rootRef,
  rows,
  readOnlyReason,
  mergingIds,
  onMergeIncidents,
  onOpenPane,
}: QueueShortcutsProps) {
  const styles = useQueueShortcutsStyles();
  const navigate = useNavigate();
  const upn = useSessionUpn();
  const persona = useCurrentPersona();
  const assign = useAssignToMe(persona?.upn ?? upn);
  const [helpOpen, setHelpOpen] = useState(false);
  const [message, setMessage] = useState('');
  // Read when a key is pressed, not subscribed to: a tick would render this component again.
  const { toggle } = incidentSelection.useActions();
  // The latest state for the one listener, without re-adding it on every render.
  const latest = useRef({
    rows,
    readOnlyReason,
    mergingIds,
    onMergeIncidents,
    onOpenPane,
  });
  useEffect(() => {
    latest.current = { rows, readOnlyReason, mergingIds, onMergeIncidents, onOpenPane };
  });
  const lastRowId = useRef<string | null>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.closest(EDITABLE)) return;
      // The side pane has keys of its own (↑/↓, Escape); the queue's are for the queue.
      if (target?.closest(INCIDENT_PANE)) return;
      if (document.querySelector(OVERLAY)) return;
      const root = rootRef.current;
      if (!root) return;
      const { rows, readOnlyReason, mergingIds, onMergeIncidents, onOpenPane } = latest.current;
      const selected = incidentSelection.getIds();
      const elements = incidentRowElements(root);
      const focused = target?.closest<HTMLElement>('[role="row"][data-incident-id]');
      const current =
        (focused && root.contains(focused) ? focused : undefined) ??
        elements.find((el) => el.dataset.incidentId === lastRowId.current);
      const currentId = current?.dataset.incidentId;
      const row = rows.find((r) => r.id === currentId);
      const say = (text: string) => setMessage(text);

      switch (event.key) {
        case 'j':
        case 'k': {
          if (elements.length === 0) return;
          const index = current ? elements.indexOf(current) : -1;
          const nextIndex =
            index < 0
              ? 0
              : Math.min(elements.length - 1, Math.max(0, index + (event.key === 'j' ? 1 : -1)));
          const next = elements[nextIndex];
          if (!next) return;
          event.preventDefault();
          lastRowId.current = next.dataset.incidentId ?? null;
          focusIncidentRow(next);
          return;
        }
        case 'x': {
          if (!row) return;
          event.preventDefault();
          if (mergingIds.has(row.id)) {
            say(`${row.name} is being merged and cannot be ticked`);
            return;
          }
          const ticked = !selected.has(row.id);
          toggle(row.id, ticked);
          say(`${row.name} ${ticked ? 'ticked' : 'unticked'}`);
          return;
        }
        case 'Enter': {
          // Only on a row's own cell: Enter on a link, a button or a checkbox keeps its meaning.
          if (!row || !target || target.closest('a, button, input')) return;
          if (target.getAttribute('role') !== 'gridcell' && target !== current) return;
          event.preventDefault();
          void navigate(`/incidents/${encodeURIComponent(row.id)}/overview`);
          return;
        }
        case 'o': {
          if (!row) return;
          event.preventDefault();
          onOpenPane(row.id);
          return;
        }
        case 'm': {
          event.preventDefault();
          const ids = [...selected];
          const problem = actionRequirement('merge', {
            incidents: ids.length,
            alerts: 0,
            merging: ids.some((id) => mergingIds.has(id)),
            ...(readOnlyReason ? { readOnlyReason } : {}),
          });
          if (problem) say(problem);
          else onMergeIncidents(ids);
          return;
        }
        case 'a': {
          if (!row) return;
          event.preventDefault();
          const denial = readOnlyReason ?? incidentWriteDenial(persona, row.incident);
          const me = persona?.upn ?? upn;
          if (denial) {
            say(denial);
          } else if (row.incident.assignedTo?.toLowerCase() === me.toLowerCase()) {
            say(`${row.name} is already assigned to you`);
          } else {
            say(`Assigning ${row.name} to you…`);
            assign.mutate(row.incident, {
              onSuccess: () => say(`${row.name} assigned to you`),
              onError: (error) => say(`Couldn't assign ${row.name}: ${error.message}`),
            });
          }
          return;
        }
        case '/': {
          const search = root.querySelector<HTMLInputElement>('input[type="search"], input');
          if (!search) return;
          event.preventDefault();
          search.focus();
          return;
        }
        case '?': {
          event.preventDefault();
          setHelpOpen(true);
          return;
        }
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [assign, navigate, persona, rootRef, toggle, upn]);

  return (
    <>
      <div aria-live="polite" role="status">
        <VisuallyHidden>{message}</VisuallyHidden>
      </div>
      <Dialog open={helpOpen} onOpenChange={(_, data) => setHelpOpen(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Keyboard shortcuts</DialogTitle>
            <DialogContent>
              <table className={styles.table}>
                <caption>
                  <VisuallyHidden>Shortcuts of the incident queue</VisuallyHidden>
                </caption>
                <tbody>
                  {QUEUE_SHORTCUTS.map((s) => (
                    <tr key={s.keys}>
                      <th className={styles.key} scope="row">
                        {s.keys.split(' / ').map((k, i) => (
                          <span key={k}>
                            {i > 0 && ' / '}
                            <kbd className={styles.kbd}>{k}</kbd>
                          </span>
                        ))}
                      </th>
                      <td className={styles.what}>{s.what}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => setHelpOpen(false)}>
                Close
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
