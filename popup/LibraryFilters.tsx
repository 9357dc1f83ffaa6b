import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { COLOR_LABEL, HIGHLIGHT_COLORS } from '../lib/highlight-colors';
import { type Color, COLORS } from '../src/annotation/records';
import { type Arranged, type ListFilters, NO_FILTERS } from '../src/library/arrange';

/**
 * A colour's mark in the lists: the page's translucent highlight colour laid over white, so the mark
 * reads the same on a light and a dark list.
 */
export const swatchBackground = (color: Color) => `linear-gradient(${HIGHLIGHT_COLORS[color]}, ${HIGHLIGHT_COLORS[color]}) #fff`;

/** What the reader narrows the library to: words, then source, dates, colours and a tag, and the order. */
export function useLibraryFilters() {
  const [text, setText] = useState('');
  const [list, setList] = useState<ListFilters>(NO_FILTERS);
  const set = (patch: Partial<ListFilters>) => setList((old) => ({ ...old, ...patch }));
  const toggleColor = (color: Color) => setList((old) => ({ ...old, colors: old.colors.includes(color) ? old.colors.filter((c) => c !== color) : [...old.colors, color] }));
  /** Something narrows the list: an empty list then says "no matches", not "empty library". */
  const filtered = text.trim() !== '' || list.colors.length > 0 || list.tag !== '' || list.source !== '' || list.from !== '' || list.to !== '';
  const clear = () => {
    setText('');
    setList((old) => ({ ...NO_FILTERS, sort: old.sort }));
  };
  return { text, setText, list, set, toggleColor, filtered, clear };
}

export type LibraryFiltersState = ReturnType<typeof useLibraryFilters>;

export function SearchBox({ filters }: { filters: LibraryFiltersState }) {
  return (
    <input
      type="search"
      class="search"
      data-testid="search"
      placeholder={t('searchPlaceholder')}
      aria-label={t('searchPlaceholder')}
      value={filters.text}
      onInput={(e) => filters.setText(e.currentTarget.value)}
    />
  );
}

/** A toggle per colour; on the library page each says how many highlights it would list. */
export function ColorFilters({ filters, counts, withCounts }: { filters: LibraryFiltersState; counts: Arranged['colorCounts']; withCounts?: boolean }) {
  return (
    <fieldset class={`color-filters${withCounts ? ' with-counts' : ''}`} aria-label={t('filterByColor')}>
      {COLORS.map((color) => (
        <button
          key={color}
          type="button"
          class="swatch-filter"
          data-testid={`filter-${color}`}
          aria-pressed={filters.list.colors.includes(color)}
          aria-label={`${t(COLOR_LABEL[color])} (${counts[color]})`}
          title={`${t(COLOR_LABEL[color])} (${counts[color]})`}
          onClick={() => filters.toggleColor(color)}
        >
          <span class="dot" style={{ background: swatchBackground(color) }} aria-hidden="true" />
          {withCounts && (
            <>
              <span class="name">{t(COLOR_LABEL[color])}</span>
              <span class="count" data-testid={`count-${color}`}>
                {counts[color]}
              </span>
            </>
          )}
        </button>
      ))}
    </fieldset>
  );
}

/** The popup's filters: the search box and the tags (with their counts) in a menu, then the colours and what is listed. */
export function LibraryFilters({ filters, arranged, count }: { filters: LibraryFiltersState; arranged: Arranged; count?: ComponentChildren }) {
  const tags = withChosen(arranged.tagCounts, filters.list.tag);
  return (
    <div class="controls">
      <div class="filters">
        <SearchBox filters={filters} />
        {tags.length > 0 && (
          <select class="tag-menu" data-testid="filter-tag" aria-label={t('filterByTag')} value={filters.list.tag} onChange={(e) => filters.set({ tag: e.currentTarget.value })}>
            <option value="">{t('allTags')}</option>
            {tags.map(([name, count]) => (
              <option key={name} value={name}>
                #{name} ({count})
              </option>
            ))}
          </select>
        )}
      </div>
      <div class="filters">
        <ColorFilters filters={filters} counts={arranged.colorCounts} />
        {count}
      </div>
    </div>
  );
}

/** The counts, with the chosen entry kept in them (at 0) when the other filters leave it nothing. */
export function withChosen(counts: [string, number][], chosen: string): [string, number][] {
  return !chosen || counts.some(([name]) => name === chosen) ? counts : [...counts, [chosen, 0]];
}
