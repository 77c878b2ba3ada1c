import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Menu,
  MenuButton,
  MenuDivider,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  tokens,
} from '@fluentui/react-components';
import { CalendarRegular } from '@fluentui/react-icons';
import { useRef, useState, type FormEvent } from 'react';
import { consoleNow } from '@/components/clock';
import {
  checkCustomRange,
  TIME_RANGE_LABELS,
  TIME_RANGE_PRESETS,
  type TimeRange,
  type TimeRangePreset,
} from '../time-range';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  hint: { margin: 0, color: tokens.colorNeutralForeground3 },
});

const rangeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** What the button says: the preset, or both ends of a custom range in the analyst's locale. */
function timeRangeLabel(range: TimeRange): string {
  if (range.kind === 'preset') return TIME_RANGE_LABELS[range.preset];
  return `${rangeFormat.format(new Date(range.from))} – ${rangeFormat.format(new Date(range.to))}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A Date as a `datetime-local` input's value (the analyst's local time, to the minute). */
function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value as a Date in local time; undefined when it is not one. */
function fromLocalInput(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value.trim())) return undefined;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? undefined : date;
}

type Errors = { start?: string; end?: string };

function CustomRangeDialog({
  open,
  range,
  onApply,
  onClose,
}: {
  open: boolean;
  range: TimeRange;
  onApply: (range: TimeRange) => void;
  onClose: () => void;
}) {
  const styles = useStyles();
  const initial = () => {
    if (range.kind === 'custom') {
      return { start: toLocalInput(new Date(range.from)), end: toLocalInput(new Date(range.to)) };
    }
    const now = consoleNow();
    return {
      start: toLocalInput(new Date(now.getTime() - 24 * 60 * 60_000)),
      end: toLocalInput(now),
    };
  };
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const start = fromLocalInput(values.start);
    const end = fromLocalInput(values.end);
    const check = checkCustomRange(start, end);
    if (!check.ok) {
      setErrors(start ? { end: check.error } : { start: check.error });
      return;
    }
    onApply(check.range);
  };

  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <form noValidate onSubmit={submit}>
          <DialogBody>
            <DialogTitle>Custom range</DialogTitle>
            <DialogContent className={styles.form}>
              <p className={styles.hint}>
                Incidents last updated between these two moments, in your local time.
              </p>
              {(
                [
                  ['start', 'Start'],
                  ['end', 'End'],
                ] as const
              ).map(([key, label]) => (
                <Field
                  key={key}
                  label={label}
                  validationMessage={errors[key]}
                  validationState={errors[key] ? 'error' : 'none'}
                >
                  <Input
                    type="datetime-local"
                    value={values[key]}
                    onChange={(_, data) => {
                      setValues((v) => ({ ...v, [key]: data.value }));
                      setErrors({});
                    }}
                  />
                </Field>
              ))}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit">
                Apply
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

export type TimeRangePickerProps = {
  value: TimeRange;
  onChange: (range: TimeRange) => void;
};

/**
 * The queue's time range (SPEC.md §12.1): 1 day, 3 days, 1 week, 30 days, 6 months, or
 * **Custom range**, a start and an end date and time. A custom range that is incomplete or ends
 * before it starts is refused with a message, and the queue stays as it was.
 */
export function TimeRangePicker({ value, onChange }: TimeRangePickerProps) {
  const [customOpen, setCustomOpen] = useState(false);
  const [dialogKey, setDialogKey] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const label = timeRangeLabel(value);
  const checked = value.kind === 'preset' ? value.preset : 'custom';

  const closeCustom = () => {
    setCustomOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <>
      <Menu
        checkedValues={{ range: [checked] }}
        onCheckedValueChange={(_, data) => {
          const preset = TIME_RANGE_PRESETS.find((p) => p === data.checkedItems[0]);
          if (preset) onChange({ kind: 'preset', preset });
        }}
      >
        <MenuTrigger disableButtonEnhancement>
          <MenuButton
            aria-label={`Time range: ${label}`}
            icon={<CalendarRegular />}
            ref={buttonRef}
          >
            {label}
          </MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList aria-label="Time range">
            {TIME_RANGE_PRESETS.map((preset: TimeRangePreset) => (
              <MenuItemRadio key={preset} name="range" value={preset}>
                {TIME_RANGE_LABELS[preset]}
              </MenuItemRadio>
            ))}
            <MenuDivider />
            <MenuItem
              onClick={() => {
                setDialogKey((k) => k + 1);
                setCustomOpen(true);
              }}
            >
              Custom range…
            </MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      <CustomRangeDialog
        key={dialogKey}
        open={customOpen}
        range={value}
        onApply={(range) => {
          onChange(range);
          closeCustom();
        }}
        onClose={closeCustom}
      />
    </>
  );
}
