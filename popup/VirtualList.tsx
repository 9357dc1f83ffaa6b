import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { Virtualizer, elementScroll, measureElement, observeElementOffset, observeElementRect } from '@tanstack/virtual-core';
import { TypicalHeights } from './typical-heights';

/** The rows: how many, and each made only when shown; keys and first guesses of heights asked of every row, so cheap. */
export interface VirtualRows<T> {
  length: number;
  at(index: number): T;
  /** A row's key, the same for the same row whatever else is listed (its measured height is kept by it). */
  key(index: number): string | number;
  /** A first guess of a row's height, until rows of its class or group are measured; rows are measured once shown. */
  estimate(index: number): number;
  /**
   * Rows of one size class are usually as tall as each other (a small number); a group is a coarser
   * class, whose usual height a class not measured yet takes. Without them, all rows are one class.
   */
  sizeClass?(index: number): number;
  sizeGroup?(index: number): number;
  /** A key that names the same row in rows read afresh, where `key` may not (an index's positions); asked of a few rows only. */
  stableKey?(index: number): string;
  /** What `key` numbers: rows keyed from another (the library read again) name other rows by the same keys. */
  keysOf?: unknown;
}

interface Props<T> {
  rows: VirtualRows<T>;
  render(item: T): ComponentChildren;
  class?: string;
  label?: string;
}

/**
 * When the rows change (the library read again after a sync, a filter), the row at the top of the
 * view stays there, by its key: the rows above it that were never measured are laid out again with
 * the estimates learnt since, which would otherwise move every row under the reader's eyes.
 */
function useKeptPlace<T>(virtualizer: Virtualizer<HTMLDivElement, Element>, rows: VirtualRows<T>): void {
  const place = useRef<{ rows: VirtualRows<T>; key: string | number | bigint; index: number; delta: number } | null>(null);
  useLayoutEffect(() => {
    const kept = place.current;
    // Heights measured under keys that now name other rows would place every row after them wrongly.
    if (kept && kept.rows.keysOf !== rows.keysOf) virtualizer.measure();
    if (kept && kept.rows !== rows) {
      // Rows of the same index (a filter changed) are found by number, anywhere; of an index read again, by id, near.
      const stable = kept.rows.keysOf !== rows.keysOf ? kept.rows.stableKey?.(kept.index) : undefined;
      const index =
        stable !== undefined && rows.stableKey
          ? nearestIndexOf(rows.length, (i) => rows.stableKey!(i) === stable, kept.index, NEAR)
          : nearestIndexOf(rows.length, (i) => rows.key(i) === kept.key, kept.index, Number.POSITIVE_INFINITY);
      const start = index < 0 ? undefined : virtualizer.getOffsetForIndex(index, 'start')?.[0];
      if (start !== undefined) virtualizer.scrollToOffset(start + kept.delta);
    }
    const top = virtualizer.scrollOffset ?? 0;
    // The first row the reader sees: not one whose last pixel is left above (measured heights are fractions).
    const first = virtualizer.getVirtualItems().find((item) => item.end > top + 1);
    place.current = first && top > 0 ? { rows, key: first.key, index: first.index, delta: top - first.start } : null;
  });
}

/**
 * How far from where it was a row is looked for by its id (a string made per row asked): after the
 * library is read again it is near, and one gone (deleted elsewhere) is not looked for through 100,000.
 * By its number (a filter changed: the same index) it is looked for everywhere.
 */
const NEAR = 2_000;

/**
 * The index of the row that is the one kept, looked for outwards from where it was, at most `reach`
 * rows away. Where it was may lie beyond the rows now listed (a filter left fewer): the search goes on
 * below until both sides run out.
 */
function nearestIndexOf(length: number, isIt: (index: number) => boolean, from: number, reach: number): number {
  for (let step = 0; step <= reach; step++) {
    const below = from - step;
    const above = from + step;
    if (below < 0 && above >= length) break;
    if (below >= 0 && below < length && isIt(below)) return below;
    if (step > 0 && above >= 0 && above < length && isIt(above)) return above;
  }
  return -1;
}

/** An array as rows. */
export function arrayRows<T>(items: T[], keyOf: (item: T) => string, estimate: (item: T) => number): VirtualRows<T> {
  return { length: items.length, at: (i) => items[i]!, key: (i) => keyOf(items[i]!), estimate: (i) => estimate(items[i]!) };
}

/**
 * A list that renders only the rows in view (@tanstack/virtual-core): ten thousand highlights cost
 * what a screenful does. Rows may differ in height; each is measured as it appears.
 */
export function VirtualList<T>({ rows, render, class: className, label }: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [heights] = useState(() => new TypicalHeights());
  // The same functions while the rows are the same: the virtualizer lays out every row again only when they change.
  const { estimateSize, getItemKey } = useMemo(
    () => ({
      estimateSize: (i: number) => heights.estimate(rows.sizeClass?.(i) ?? 0, rows.sizeGroup?.(i) ?? 0) ?? rows.estimate(i),
      getItemKey: (i: number) => rows.key(i),
    }),
    [rows, heights],
  );
  const options = {
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    getItemKey,
    scrollToFn: elementScroll,
    observeElementRect,
    observeElementOffset,
    // Rows made beyond each edge: each jump of a fast scroll mounts and measures them all (6 → 3: the library
    // page's longest frame scrolled through 100,000 highlights, median of 7 in turns, 250 → 117 ms).
    overscan: 3,
    // Each size the browser reports (the virtualizer's ResizeObserver) teaches the estimate of rows of that class.
    measureElement: (element: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLDivElement, Element>) => {
      const size = measureElement(element, entry, instance);
      const box = entry?.borderBoxSize[0];
      const i = instance.indexFromElement(element);
      if (box && i >= 0 && i < rows.length) heights.record(rows.sizeClass?.(i) ?? 0, rows.sizeGroup?.(i) ?? 0, size, Math.round(box.inlineSize));
      return size;
    },
    onChange: () => rerender(0),
  };
  const [virtualizer] = useState(() => new Virtualizer<HTMLDivElement, Element>(options));
  virtualizer.setOptions({ ...virtualizer.options, ...options });
  // Rows keyed from another index: the elements the virtualizer watches, kept by their old numbers, are
  // other rows' now (ours are keyed by id, VirtualRows.stableKey); it learns them afresh as they mount.
  const keysOf = useRef(rows.keysOf);
  if (keysOf.current !== rows.keysOf) {
    keysOf.current = rows.keysOf;
    virtualizer.elementsCache.clear();
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: the virtualizer is made once (useState) and mounted once
  useLayoutEffect(() => virtualizer._didMount(), []);
  useLayoutEffect(() => virtualizer._willUpdate());
  useKeptPlace(virtualizer, rows);

  return (
    // As tall as its rows, up to the height the stylesheet allows (--list-height). A list of positioned
    // rows inside a sizer: <ul> and <li> cannot hold that sizer between them, so the roles say it.
    // biome-ignore lint/a11y/useSemanticElements: rows are absolutely positioned inside a sizer element
    <div ref={scroller} class={className} role="list" aria-label={label} style={{ height: `min(${virtualizer.getTotalSize()}px, var(--list-height))` }}>
      <div style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          // Keyed by the row's own id where there is one: after the library is read again, an element (and the
          // focus in it) stays with its highlight, not with whatever row now has its place in the index.
          // biome-ignore lint/a11y/useSemanticElements: a positioned row of the list above
          <div
            key={rows.stableKey?.(row.index) ?? String(row.key)}
            role="listitem"
            data-index={row.index}
            ref={(element) => {
              if (element) virtualizer.measureElement(element);
            }}
            style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
          >
            {render(rows.at(row.index))}
          </div>
        ))}
      </div>
    </div>
  );
}
