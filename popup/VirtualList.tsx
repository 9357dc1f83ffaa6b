import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from '@tanstack/virtual-core';

interface Props<T> {
  items: T[];
  keyOf(item: T): string;
  /** A first guess of a row's height; rows are measured once shown. */
  estimate(item: T): number;
  render(item: T): ComponentChildren;
  class?: string;
  label?: string;
}

/**
 * A list that renders only the rows in view (@tanstack/virtual-core): ten thousand highlights cost
 * what a screenful does. Rows may differ in height; each is measured as it appears.
 */
export function VirtualList<T>({ items, keyOf, estimate, render, class: className, label }: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const options = {
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index: number) => estimate(items[index]!),
    getItemKey: (index: number) => keyOf(items[index]!),
    scrollToFn: elementScroll,
    observeElementRect,
    observeElementOffset,
    overscan: 6,
    onChange: () => rerender(0),
  };
  const [virtualizer] = useState(() => new Virtualizer<HTMLDivElement, Element>(options));
  virtualizer.setOptions({ ...virtualizer.options, ...options });
  useLayoutEffect(() => virtualizer._didMount(), []);
  useLayoutEffect(() => virtualizer._willUpdate());

  return (
    // As tall as its rows, up to the height the stylesheet allows (--list-height).
    <div ref={scroller} class={className} role="list" aria-label={label} style={{ height: `min(${virtualizer.getTotalSize()}px, var(--list-height))` }}>
      <div style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            role="listitem"
            data-index={row.index}
            ref={(element) => {
              if (element) virtualizer.measureElement(element);
            }}
            style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
          >
            {render(items[row.index]!)}
          </div>
        ))}
      </div>
    </div>
  );
}
