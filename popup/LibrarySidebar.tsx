import { t } from '../lib/i18n';
import type { Arranged, DateField, LibrarySort } from '../src/library/arrange';
import { ColorFilters, type LibraryFiltersState, withChosen } from './LibraryFilters';

/**
 * The library page's side column, for large collections: the order, a date range (of the
 * highlights or of their articles), the sources, colours and tags, each with how many highlights
 * choosing it would list.
 */
export function LibrarySidebar({ filters, arranged }: { filters: LibraryFiltersState; arranged: Arranged }) {
  const { list, set } = filters;
  return (
    <aside class="sidebar" aria-label={t('listFilters')}>
      <label class="field">
        <span class="label">{t('sortLabel')}</span>
        <select data-testid="list-sort" value={list.sort} onChange={(e) => set({ sort: e.currentTarget.value as LibrarySort })}>
          <option value="annotated">{t('sortAnnotated')}</option>
          <option value="published">{t('sortPublished')}</option>
          <option value="source">{t('sortSource')}</option>
        </select>
      </label>
      <fieldset class="field dates">
        <legend class="label">{t('dateLabel')}</legend>
        <select aria-label={t('dateLabel')} data-testid="list-date-field" value={list.dateField} onChange={(e) => set({ dateField: e.currentTarget.value as DateField })}>
          <option value="annotated">{t('dateAnnotated')}</option>
          <option value="published">{t('datePublished')}</option>
        </select>
        <label>
          <span>{t('dateFrom')}</span>
          <input type="date" data-testid="list-from" value={list.from} max={list.to || undefined} onChange={(e) => set({ from: e.currentTarget.value })} />
        </label>
        <label>
          <span>{t('dateTo')}</span>
          <input type="date" data-testid="list-to" value={list.to} min={list.from || undefined} onChange={(e) => set({ to: e.currentTarget.value })} />
        </label>
      </fieldset>
      <section class="field" aria-labelledby="colors-heading">
        <h2 id="colors-heading" class="label">
          {t('colorsHeading')}
        </h2>
        <ColorFilters filters={filters} counts={arranged.colorCounts} withCounts />
      </section>
      <Choices
        heading={t('sourcesHeading')}
        testId="source-filter"
        all={t('allSources')}
        counts={withChosen(arranged.sourceCounts, list.source)}
        allCount={arranged.sourceCounts.reduce((n, [, c]) => n + c, 0)}
        chosen={list.source}
        name={(s) => t(`source_${s}`)}
        onChoose={(source) => set({ source })}
      />
      <Choices
        heading={t('tagsHeading')}
        testId="tag-filter"
        all={t('allTags')}
        counts={withChosen(arranged.tagCounts, list.tag)}
        chosen={list.tag}
        name={(tag) => `#${tag}`}
        onChoose={(tag) => set({ tag })}
      />
      {filters.filtered && (
        <button type="button" class="button" data-testid="clear-filters" onClick={filters.clear}>
          {t('clearFilters')}
        </button>
      )}
    </aside>
  );
}

interface ChoicesProps {
  heading: string;
  testId: string;
  all: string;
  counts: [string, number][];
  /** The count beside "all", where the counts add up to it. */
  allCount?: number;
  chosen: string;
  name(value: string): string;
  onChoose(value: string): void;
}

/** One choice among values with their counts (sources, tags); "all" first. Nothing to choose: not shown. */
function Choices({ heading, testId, all, counts, allCount, chosen, name, onChoose }: ChoicesProps) {
  if (!counts.length) return null;
  const id = `${testId}-heading`;
  return (
    <section class="field" aria-labelledby={id}>
      <h2 id={id} class="label">
        {heading}
      </h2>
      <ul class="choices">
        {[['', allCount ?? null] as [string, number | null], ...counts].map(([value, count]) => (
          <li key={value}>
            <button type="button" class="choice" data-testid={testId} data-value={value} aria-pressed={chosen === value} onClick={() => onChoose(value)}>
              <span class="name">{value ? name(value) : all}</span>
              {count !== null && <span class="count">{count}</span>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
