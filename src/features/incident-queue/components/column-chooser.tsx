import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  Tooltip,
} from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, ColumnTripleEditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { QUEUE_COLUMN_LABELS, REQUIRED_COLUMNS, type QueueColumnId } from '../queue-columns';
import { useColumnActions, useColumnLayout } from '../queue-columns-store';
import { useToolListStyles } from './tool-list.styles';

const useStyles = makeStyles({
  label: { flexGrow: 1 },
  reset: { marginInlineEnd: 'auto' },
});

type Draft = { order: QueueColumnId[]; hidden: QueueColumnId[] };

function move(order: readonly QueueColumnId[], id: QueueColumnId, by: -1 | 1): QueueColumnId[] {
  const from = order.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= order.length) return [...order];
  const next = [...order];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}

function MoveButton({
  id,
  direction,
  disabled,
  onMove,
}: {
  id: QueueColumnId;
  direction: 'up' | 'down';
  disabled: boolean;
  onMove: () => void;
}) {
  const label = `Move ${QUEUE_COLUMN_LABELS[id]} ${direction}`;
  return (
    <Tooltip content={label} relationship="label">
      <Button
        appearance="subtle"
        // Focusable when disabled, so focus stays on it after moving a column to the top or bottom.
        disabledFocusable={disabled}
        icon={direction === 'up' ? <ArrowUpRegular /> : <ArrowDownRegular />}
        size="small"
        onClick={disabled ? undefined : onMove}
      />
    </Tooltip>
  );
}

function ColumnList({ draft, onChange }: { draft: Draft; onChange: (draft: Draft) => void }) {
  const styles = useStyles();
  const list = useToolListStyles();
  return (
    <ul aria-label="Columns" className={list.list}>
      {draft.order.map((id, index) => {
        const required = REQUIRED_COLUMNS.has(id);
        return (
          <li className={list.item} key={id}>
            <Checkbox
              checked={!draft.hidden.includes(id)}
              className={styles.label}
              disabled={required}
              label={
                required ? `${QUEUE_COLUMN_LABELS[id]} (always shown)` : QUEUE_COLUMN_LABELS[id]
              }
              onChange={(_, data) =>
                onChange({
                  ...draft,
                  hidden:
                    data.checked === true
                      ? draft.hidden.filter((h) => h !== id)
                      : [...draft.hidden, id],
                })
              }
            />
            <MoveButton
              direction="up"
              disabled={index === 0}
              id={id}
              onMove={() => onChange({ ...draft, order: move(draft.order, id, -1) })}
            />
            <MoveButton
              direction="down"
              disabled={index === draft.order.length - 1}
              id={id}
              onMove={() => onChange({ ...draft, order: move(draft.order, id, 1) })}
            />
          </li>
        );
      })}
    </ul>
  );
}

/**
 * **Customize columns**: tick the columns to show and move them up or down (buttons, so the
 * keyboard can do it too). Apply keeps the layout in this browser; column widths are set by
 * dragging a header's edge, and **Reset to default** brings back the default columns, order and
 * widths.
 */
export function ColumnChooser() {
  const styles = useStyles();
  const list = useToolListStyles();
  const layout = useColumnLayout();
  const { setLayout, reset } = useColumnActions();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>({ order: [], hidden: [] });

  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        if (data.open) setDraft({ order: [...layout.order], hidden: [...layout.hidden] });
        setOpen(data.open);
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<ColumnTripleEditRegular />}>Customize columns</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Customize columns</DialogTitle>
          <DialogContent>
            <p className={list.note}>
              Choose the columns to show and their order. This browser remembers them.
            </p>
            <ColumnList draft={draft} onChange={setDraft} />
          </DialogContent>
          <DialogActions>
            <Button
              appearance="subtle"
              className={styles.reset}
              onClick={() => {
                reset();
                setOpen(false);
              }}
            >
              Reset to default
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">Cancel</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              onClick={() => {
                setLayout(draft);
                setOpen(false);
              }}
            >
              Apply
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
