import { useMemo, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { COLOR_LABEL, HIGHLIGHT_COLORS } from '../lib/highlight-colors';
import { type SearchQuery } from '../src/search/library-search';
import { type Color, COLORS } from '../src/annotation/records';

/** What the reader narrows the library to: words, colours, a tag. */
export function useLibraryFilters() {
  const [text, setText] = useState('');
  const [colors, setColors] = useState<Color[]>([]);
  const [tag, setTag] = useState('');
  const toggleColor = (color: Color) => setColors((old) => (old.includes(color) ? old.filter((c) => c !== color) : [...old, color]));
  // One query object while the filters stay as they are: the search runs again only when they change.
  const query = useMemo((): SearchQuery => ({ text, colors: colors.length ? colors : undefined, tag: tag || undefined }), [text, colors, tag]);
  /** Something narrows the list: an empty list then says "no matches", not "empty library". */
  const filtered = text.trim() !== '' || colors.length > 0 || tag !== '';
  return { text, colors, tag, setText, toggleColor, setTag, query, filtered };
}

export type LibraryFiltersState = ReturnType<typeof useLibraryFilters>;

/** The search box, a toggle per colour, and the tag list (when there are tags). */
export function LibraryFilters({ filters, tags }: { filters: LibraryFiltersState; tags: string[] }) {
  return (
    <div class="controls">
      <input
        type="search"
        class="search"
        data-testid="search"
        placeholder={t('searchPlaceholder')}
        aria-label={t('searchPlaceholder')}
        value={filters.text}
        onInput={(e) => filters.setText(e.currentTarget.value)}
      />
      <div class="filters" role="group" aria-label={t('filterByColor')}>
        {COLORS.map((color) => (
          <button
            key={color}
            type="button"
            class="swatch-filter"
            data-testid={`filter-${color}`}
            aria-pressed={filters.colors.includes(color)}
            aria-label={t(COLOR_LABEL[color])}
            title={t(COLOR_LABEL[color])}
            style={{ background: HIGHLIGHT_COLORS[color] }}
            onClick={() => filters.toggleColor(color)}
          />
        ))}
        {tags.length > 0 && (
          <select data-testid="filter-tag" aria-label={t('filterByTag')} value={filters.tag} onChange={(e) => filters.setTag(e.currentTarget.value)}>
            <option value="">{t('allTags')}</option>
            {tags.map((name) => (
              <option key={name} value={name}>
                #{name}
              </option>
            ))}
          </select>
        )}
      </div>
    </div>
  );
}
