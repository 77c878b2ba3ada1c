/**
 * The queue's column layout, remembered per browser (localStorage): which data columns show, in
 * which order, and how wide the analyst made them. Stored data is read defensively: unknown
 * columns are dropped, missing ones come back at the end, widths outside sane bounds are
 * ignored; anything unreadable is the default layout.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { browserJsonStorage } from '@/components/browser-storage';
import {
  isQueueColumnId,
  QUEUE_COLUMN_IDS,
  REQUIRED_COLUMNS,
  type QueueColumnId,
} from './queue-columns';

/** Bounds of a remembered width, in CSS pixels. */
export const MIN_COLUMN_WIDTH = 60;
const MAX_COLUMN_WIDTH = 1200;

export type ColumnLayout = {
  /** Every data column, in the order shown. */
  order: readonly QueueColumnId[];
  /** Columns not shown. */
  hidden: readonly QueueColumnId[];
  /** Widths the analyst set by resizing; the others have their default width. */
  widths: Readonly<Partial<Record<QueueColumnId, number>>>;
};

const DEFAULT_COLUMN_LAYOUT: ColumnLayout = {
  order: QUEUE_COLUMN_IDS,
  hidden: [],
  widths: {},
};

const STORAGE_NAME = 'soc-console.queue-columns';
const STORAGE_VERSION = 1;

const knownIds = (value: unknown): QueueColumnId[] =>
  Array.isArray(value) ? [...new Set(value.filter(isQueueColumnId))] : [];

/** Reads a stored layout of any shape: what makes sense is kept, the rest is the default. */
function sanitizeLayout(value: unknown): ColumnLayout {
  if (typeof value !== 'object' || value === null) return DEFAULT_COLUMN_LAYOUT;
  const stored = value as Record<string, unknown>;
  const ordered = knownIds(stored.order);
  const order = [...ordered, ...QUEUE_COLUMN_IDS.filter((id) => !ordered.includes(id))];
  const hidden = knownIds(stored.hidden).filter((id) => !REQUIRED_COLUMNS.has(id));
  const widths: Partial<Record<QueueColumnId, number>> = {};
  if (typeof stored.widths === 'object' && stored.widths !== null) {
    for (const [id, width] of Object.entries(stored.widths)) {
      if (
        isQueueColumnId(id) &&
        typeof width === 'number' &&
        Number.isFinite(width) &&
        width >= MIN_COLUMN_WIDTH &&
        width <= MAX_COLUMN_WIDTH
      ) {
        widths[id] = Math.round(width);
      }
    }
  }
  return { order, hidden, widths };
}

type ColumnsState = ColumnLayout & {
  /** Counts layouts set or reset (not resizes): the grid takes widths anew when it changes. */
  generation: number;
  actions: {
    /** Shows and orders the columns as chosen in "Customize columns". */
    setLayout: (layout: Pick<ColumnLayout, 'order' | 'hidden'>) => void;
    /** Remembers a column's width after the analyst resized it. */
    setWidth: (id: QueueColumnId, width: number) => void;
    /** Back to the default columns, order and widths. */
    reset: () => void;
  };
};

const useColumnsStore = create<ColumnsState>()(
  persist(
    (set) => ({
      ...DEFAULT_COLUMN_LAYOUT,
      generation: 0,
      actions: {
        setLayout: (layout) =>
          set((state) => ({
            ...sanitizeLayout({ ...layout, widths: state.widths }),
            generation: state.generation + 1,
          })),
        setWidth: (id, width) =>
          set((state) => ({
            widths: sanitizeLayout({
              ...state,
              widths: {
                ...state.widths,
                [id]: Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width)),
              },
            }).widths,
          })),
        reset: () =>
          set((state) => ({ ...DEFAULT_COLUMN_LAYOUT, generation: state.generation + 1 })),
      },
    }),
    {
      name: STORAGE_NAME,
      version: STORAGE_VERSION,
      storage: browserJsonStorage<ColumnLayout>(),
      partialize: ({ order, hidden, widths }) => ({ order, hidden, widths }),
      // Whatever is stored (another version, a hand edit, a torn write) goes through the same reading.
      migrate: (stored) => sanitizeLayout(stored),
      merge: (stored, current) => ({
        ...current,
        ...sanitizeLayout(stored),
        generation: current.generation + 1,
      }),
    },
  ),
);

/** The layout (order, hidden, widths), and its generation (see ColumnsState). */
export const useColumnLayout = (): ColumnLayout & { generation: number } => {
  const order = useColumnsStore((s) => s.order);
  const hidden = useColumnsStore((s) => s.hidden);
  const widths = useColumnsStore((s) => s.widths);
  const generation = useColumnsStore((s) => s.generation);
  return { order, hidden, widths, generation };
};

/** The visible data columns, in order. */
export function visibleColumns(layout: Pick<ColumnLayout, 'order' | 'hidden'>): QueueColumnId[] {
  return layout.order.filter((id) => !layout.hidden.includes(id));
}

export const useColumnActions = () => useColumnsStore((s) => s.actions);

/** Re-reads the stored layout, as a new page load would (tests). */
export const rehydrateColumns = () => useColumnsStore.persist.rehydrate();
