import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  ProgressBar,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { consoleNow } from '@/components/clock';
import { ErrorState } from '@/components/error-state';
import { LIMITS } from '@/domain/limits';
import {
  exportFileName,
  fetchIncidentsForExport,
  incidentsCsv,
  saveTextFile,
  type ExportProgress,
  type ExportRequest,
} from '../export-csv';
import type { QueueColumnId } from '../queue-columns';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  text: { margin: 0 },
});

const numberFormat = new Intl.NumberFormat();
const count = (n: number) => `${numberFormat.format(n)} ${n === 1 ? 'incident' : 'incidents'}`;

type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: ExportProgress }
  | { kind: 'done'; exported: number; matched: number; fileName: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: Error };

export type ExportButtonProps = {
  /** Incidents in the view, as the queue counts them; undefined until it has. */
  total: number | undefined;
  /** The first request of the export, built when it starts (relative time ranges end "now"). */
  params: () => ExportRequest;
  /** The columns shown, in order: the file's columns. */
  columns: readonly QueueColumnId[];
};

/**
 * **Export**: the view's incidents (its filters, time range and order; every page, up to
 * Defender's 10,000) to a CSV file with the columns shown. A progress bar counts the pages in;
 * **Cancel** stops the reading at once and saves nothing.
 */
export function ExportButton({ total, params, columns }: ExportButtonProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);

  // Leaving the page stops an export that is still reading.
  useEffect(() => () => controller.current?.abort(), []);

  const cancel = () => {
    controller.current?.abort();
    controller.current = null;
  };

  const run = async () => {
    cancel();
    const abort = new AbortController();
    controller.current = abort;
    setState({ kind: 'running', progress: { fetched: 0, total: total ?? 0 } });
    try {
      const result = await fetchIncidentsForExport(params(), {
        signal: abort.signal,
        onProgress: (progress) => {
          if (!abort.signal.aborted) setState({ kind: 'running', progress });
        },
      });
      const csv = await incidentsCsv(result.incidents, columns);
      abort.signal.throwIfAborted();
      const fileName = exportFileName(consoleNow());
      saveTextFile(fileName, csv);
      setState({
        kind: 'done',
        exported: result.incidents.length,
        matched: result.matched,
        fileName,
      });
    } catch (error) {
      if (abort.signal.aborted) {
        setState({ kind: 'cancelled' });
        return;
      }
      setState({
        kind: 'failed',
        error: error instanceof Error ? error : new Error(String(error)),
      });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  };

  const running = state.kind === 'running';
  const over = total !== undefined && total > LIMITS.maxExportedIncidents;

  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        if (!data.open) cancel();
        else setState({ kind: 'idle' });
        setOpen(data.open);
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button disabled={total === undefined} icon={<ArrowDownloadRegular />}>
          Export
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Export incidents</DialogTitle>
          <DialogContent className={styles.content}>
            {state.kind === 'idle' && (
              <>
                <p className={styles.text}>
                  {count(Math.min(total ?? 0, LIMITS.maxExportedIncidents))} of this view (its
                  filters, time range and order) go to a CSV file, with the columns shown.
                </p>
                {over && (
                  <p className={styles.text}>
                    An export holds at most {numberFormat.format(LIMITS.maxExportedIncidents)}{' '}
                    incidents: the first {numberFormat.format(LIMITS.maxExportedIncidents)} of{' '}
                    {numberFormat.format(total)} are exported. Narrow the filters to export the
                    rest.
                  </p>
                )}
              </>
            )}
            {running && (
              <ProgressBar
                aria-label="Export progress"
                max={Math.max(1, state.progress.total)}
                thickness="large"
                value={state.progress.fetched}
              />
            )}
            <p aria-live="polite" className={styles.text} role="status">
              {running &&
                `Read ${numberFormat.format(state.progress.fetched)} of ${count(state.progress.total)}…`}
              {state.kind === 'done' &&
                `Saved ${count(state.exported)} to ${state.fileName}.${
                  state.exported < state.matched
                    ? ` The view has ${numberFormat.format(state.matched)}; an export holds at most ${numberFormat.format(LIMITS.maxExportedIncidents)}.`
                    : ''
                }`}
              {state.kind === 'cancelled' && 'Export cancelled. No file was saved.'}
            </p>
            {state.kind === 'failed' && (
              <ErrorState
                error={state.error}
                title="Couldn't export incidents. No file was saved."
              />
            )}
          </DialogContent>
          <DialogActions>
            {running ? (
              <Button appearance="secondary" onClick={cancel}>
                Cancel
              </Button>
            ) : (
              <>
                <DialogTrigger disableButtonEnhancement>
                  <Button appearance="secondary">
                    {state.kind === 'done' ? 'Close' : 'Cancel'}
                  </Button>
                </DialogTrigger>
                {state.kind !== 'done' && (
                  <Button
                    appearance="primary"
                    disabled={total === 0}
                    icon={<ArrowDownloadRegular />}
                    onClick={() => void run()}
                  >
                    {state.kind === 'idle' ? 'Export' : 'Export again'}
                  </Button>
                )}
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
