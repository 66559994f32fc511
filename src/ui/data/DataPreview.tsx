import { memo, useEffect, useMemo, useRef, useState, useSyncExternalStore, type CSSProperties, type RefObject } from 'react';
import { useT } from '../i18n';
import { formatCount } from '../shared/format';
import { useProgressiveCount } from '../shared/useProgressiveCount';

interface Props {
  readonly rowCount: number;
  readonly columns: readonly string[];
  /**
   * Reads `count` rows from row `start` (0-based) as display text, one array of cells per row.
   * Keep it stable (useCallback): a new function means a new data set and clears the cache.
   */
  readonly fetchRows: (start: number, count: number) => Promise<string[][]>;
}

/** Rows fetched per request, and cached per block. */
export const PREVIEW_BLOCK_ROWS = 200;
const ROW_HEIGHT_PX = 28;
const ROWS_PER_FRAME = 3;
const MAX_IN_FLIGHT = 3;
// About 60 blocks = 12,000 rows of text kept; older blocks are dropped and read again if needed.
const MAX_CACHED_BLOCKS = 60;
// Browsers cap an element's height (Chrome at about 33.5M px, Firefox lower still). 1M rows × 28 px
// = 28M px fits; a longer table is shown in pages of a million rows, each scrolled natively, rather
// than squeezing rows or mapping scroll positions (the scrollbar would then lie about position).
const MAX_SCROLL_HEIGHT_PX = 30_000_000;
/** Rows in one page of the preview: as many as one scroll box can hold, rounded down to a million. */
export const PREVIEW_PAGE_ROWS = Math.floor(MAX_SCROLL_HEIGHT_PX / ROW_HEIGHT_PX / 1_000_000) * 1_000_000;

/** The first row (0-based) of each page of a `rowCount`-row preview. */
export function previewPageStarts(rowCount: number, pageRows = PREVIEW_PAGE_ROWS): number[] {
  const starts: number[] = [];
  for (let start = 0; start === 0 || start < rowCount; start += pageRows) starts.push(start);
  return starts;
}

/** Every row of the table in a virtualised grid (only the visible rows are in the DOM), fetched lazily in blocks of 200. */
export const DataPreview = memo(function DataPreview({ rowCount, columns, fetchRows }: Props) {
  const { t } = useT();
  const pageStarts = useMemo(() => previewPageStarts(rowCount), [rowCount]);
  // The page belongs to the data set it was chosen for: a new one starts at row 1.
  const [page, setPage] = useState({ fetchRows, start: 0 });
  const firstRow = page.fetchRows === fetchRows && page.start < rowCount ? page.start : 0;
  const shownRows = Math.min(rowCount - firstRow, PREVIEW_PAGE_ROWS);
  const store = useMemo(() => new BlockStore(fetchRows, rowCount), [fetchRows, rowCount]);
  useEffect(() => store.activate(), [store]);
  useSyncExternalStore(store.subscribe, store.getVersion);

  const scrollRef = useRef<HTMLDivElement>(null);
  const windowItems = useFixedRowWindow(scrollRef, shownRows);
  // A new data set's rows mount a few a frame: all ~18 rows (270 grid cells) in one commit were one
  // 40-57 ms style, layout and paint task on the 1M-row page while the worker held the other core.
  const mountedRows = useProgressiveCount(windowItems.length, ROWS_PER_FRAME);
  const items = mountedRows < windowItems.length ? windowItems.slice(0, mountedRows) : windowItems;
  const firstBlock = items.length > 0 ? Math.floor((firstRow + items[0].index) / PREVIEW_BLOCK_ROWS) : 0;
  const lastBlock = items.length > 0 ? Math.floor((firstRow + items[items.length - 1].index) / PREVIEW_BLOCK_ROWS) : -1;
  useEffect(() => store.want(firstBlock, lastBlock), [store, firstBlock, lastBlock]);

  const widths = useMemo(() => columns.map(columnWidth), [columns]);
  // Wide enough for the largest row number ("1,000,000").
  const rowNumberWidth = 24 + 8 * formatCount(rowCount).length;
  const gridTemplateColumns = `${rowNumberWidth}px ${widths.map((w) => `${w}px`).join(' ')}`;
  const totalWidth = rowNumberWidth + widths.reduce((a, b) => a + b, 0);
  const rowStyle: CSSProperties = { gridTemplateColumns, height: ROW_HEIGHT_PX, width: totalWidth };

  return (
    <div className="data-preview" data-testid="data-preview">
      <div className="data-preview-scroll" ref={scrollRef} tabIndex={0} aria-label={t('data.preview.label')}>
        <div role="table" aria-rowcount={rowCount + 1} aria-colcount={columns.length + 1} style={{ width: totalWidth }}>
          <div role="row" aria-rowindex={1} className="data-preview-row data-preview-header" style={rowStyle}>
            <span role="columnheader" className="data-preview-rownum">
              #
            </span>
            {columns.map((name) => (
              <span role="columnheader" key={name} title={name} translate="no">
                {name}
              </span>
            ))}
          </div>
          <div role="rowgroup" className="data-preview-body" style={{ height: shownRows * ROW_HEIGHT_PX }}>
            {items.map((item) => {
              const index = firstRow + item.index;
              const row = store.row(index);
              const failed = row === undefined && store.failedAt(index);
              return (
                <div
                  role="row"
                  key={index}
                  aria-rowindex={index + 2}
                  data-row-index={index}
                  className={`data-preview-row${row ? '' : ' pending'}${index % 2 ? ' odd' : ''}`}
                  style={{ ...rowStyle, transform: `translateY(${item.start}px)` }}
                >
                  <span role="rowheader" className="data-preview-rownum">
                    {formatCount(index + 1)}
                  </span>
                  {columns.map((name, c) => {
                    const text = row ? (row[c] ?? '') : failed ? '!' : '…';
                    return (
                      <span role="cell" key={name} title={row ? text : failed ? t('data.preview.unreadable') : undefined} translate={row ? 'no' : undefined}>
                        {text}
                      </span>
                    );
                  })}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {pageStarts.length > 1 && (
        <label className="hint">
          {t('data.preview.rows')}{' '}
          <select
            data-testid="preview-page-select"
            value={firstRow}
            onChange={(event) => {
              setPage({ fetchRows, start: Number(event.target.value) });
              scrollRef.current?.scrollTo({ top: 0 });
            }}
          >
            {pageStarts.map((start) => (
              <option key={start} value={start}>
                {formatCount(start + 1)}–{formatCount(Math.min(rowCount, start + PREVIEW_PAGE_ROWS))}
              </option>
            ))}
          </select>{' '}
          {t('data.preview.ofRows', { rows: formatCount(rowCount) })}
        </label>
      )}
    </div>
  );
});

// Few: every rendered row is 15 grid cells to style and lay out when a data set arrives.
const OVERSCAN_ROWS = 3;

/**
 * The rows (index and offset in px) that the scroll box shows, plus a few either side. Rows have a
 * fixed height, so this is arithmetic on scrollTop: constant time whatever the row count (a general
 * virtualiser measures every row up front, which for a million rows is one long main-thread task).
 */
function useFixedRowWindow(scrollRef: RefObject<HTMLDivElement | null>, count: number): { index: number; start: number }[] {
  const [view, setView] = useState({ top: 0, height: 320 });
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    // The header row sits above the rows inside the same scroll box.
    const update = () => setView({ top: Math.max(0, element.scrollTop - ROW_HEIGHT_PX), height: element.clientHeight });
    // No first read here: scrollTop in an effect forces a layout of the freshly mounted page (traced:
    // 20-30 ms inside the commit's task). ResizeObserver reports once after the next layout anyway.
    element.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(element);
    return () => {
      element.removeEventListener('scroll', update);
      resize.disconnect();
    };
  }, [scrollRef]);
  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT_PX) - OVERSCAN_ROWS);
  const last = Math.min(count - 1, Math.ceil((view.top + view.height) / ROW_HEIGHT_PX) + OVERSCAN_ROWS);
  const items: { index: number; start: number }[] = [];
  for (let index = first; index <= last; index++) items.push({ index, start: index * ROW_HEIGHT_PX });
  return items;
}

/** A column's width in px from its name's length, within 96–240. */
function columnWidth(name: string): number {
  return Math.min(240, Math.max(96, 24 + name.length * 8));
}

/**
 * Blocks of rows fetched on demand: at most MAX_IN_FLIGHT requests at a time, always for blocks
 * still on screen (blocks scrolled past before their turn are never requested), kept in a Map in
 * least-recently-used order. An inactive store (unmounted, or replaced for a new data set) starts
no requests; results still arriving are kept, which is harmless, and it is simply garbage collected.
 */
class BlockStore {
  private readonly blocks = new Map<number, string[][]>();
  private readonly inFlight = new Set<number>();
  private readonly failed = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private wanted: [first: number, last: number] = [0, -1];
  private version = 0;
  private active = false;

  constructor(
    private readonly fetchRows: Props['fetchRows'],
    private readonly rowCount: number,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /** The cells of row `index`, or undefined while its block is loading. */
  row(index: number): readonly string[] | undefined {
    return this.blocks.get(Math.floor(index / PREVIEW_BLOCK_ROWS))?.[index % PREVIEW_BLOCK_ROWS];
  }

  failedAt(index: number): boolean {
    return this.failed.has(Math.floor(index / PREVIEW_BLOCK_ROWS));
  }

  /** Blocks first..last are on screen: fetch the missing ones and mark them recently used. */
  want(first: number, last: number): void {
    this.wanted = [first, last];
    // A block that failed is tried again once it has left the screen and comes back.
    for (const block of this.failed) if (block < first || block > last) this.failed.delete(block);
    for (let block = first; block <= last; block++) {
      const rows = this.blocks.get(block);
      if (rows) {
        this.blocks.delete(block);
        this.blocks.set(block, rows);
      }
    }
    this.pump();
  }

  /** Starts fetching for the screen; returns the deactivation (an effect's setup and cleanup, so StrictMode's remount works). */
  activate(): () => void {
    this.active = true;
    this.pump();
    return () => {
      this.active = false;
    };
  }

  private pump(): void {
    if (!this.active) return;
    const [first, last] = this.wanted;
    for (let block = first; block <= last && this.inFlight.size < MAX_IN_FLIGHT; block++) {
      if (this.blocks.has(block) || this.inFlight.has(block) || this.failed.has(block)) continue;
      this.load(block);
    }
  }

  private load(block: number): void {
    const start = block * PREVIEW_BLOCK_ROWS;
    const count = Math.min(PREVIEW_BLOCK_ROWS, this.rowCount - start);
    if (count <= 0) return;
    this.inFlight.add(block);
    this.fetchRows(start, count).then(
      (rows) => {
        this.inFlight.delete(block);
        this.blocks.set(block, rows);
        while (this.blocks.size > MAX_CACHED_BLOCKS) this.blocks.delete(this.blocks.keys().next().value!);
        this.changed();
      },
      (error: unknown) => {
        console.error(`Could not read rows ${start + 1}–${start + count} for the preview`, error);
        this.inFlight.delete(block);
        this.failed.add(block);
        this.changed();
      },
    );
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
    this.pump();
  }
}
