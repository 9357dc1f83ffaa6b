import { joinMapped, type MappedText, type TextRun } from '../text/mapped-text';

/**
 * The article text (text/article-text.ts) with, for each of its parts (the title, then each block),
 * the runs that say which DOM text it came from: on the page a parser read, or on the reader view's
 * own rendered nodes. Built only where a DOM will be painted.
 */
export interface ArticleMap<N> {
  text: string;
  /** The title, then one part per block, each with its start in `text`. */
  parts: { start: number; mapped: MappedText<N> }[];
}

export function buildArticleMap<N>(title: MappedText<N>, blocks: readonly MappedText<N>[]): ArticleMap<N> {
  const parts: ArticleMap<N>['parts'] = [];
  let text = '';
  [title, ...blocks].forEach((mapped, index) => {
    if (index > 0) text += '\n';
    parts.push({ start: text.length, mapped });
    text += mapped.text;
  });
  return { text, parts };
}

/** A run with its place in the whole article text. */
export interface PlacedRun<N> extends TextRun<N> {
  part: number;
  /** Offset of the run's start in the article text. */
  at: number;
}

/** Every run of the article, part by part, with article offsets. */
export function placedRuns<N>(map: ArticleMap<N>): PlacedRun<N>[] {
  return map.parts.flatMap(({ start, mapped }, part) => mapped.runs.map((run) => ({ ...run, part, at: start + run.start })));
}

/** An image's reading text: caption and credit joined by one space (src/text/article-text.ts). */
export function captionReadingText<N>(caption: MappedText<N> | null, credit: MappedText<N> | null): MappedText<N> {
  return joinMapped(
    [caption, credit].filter((m): m is MappedText<N> => !!m && !!m.text),
    ' ',
  );
}
