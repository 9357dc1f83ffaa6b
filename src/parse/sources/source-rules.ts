import type { DomAdapter } from '../../dom/dom-adapter';
import type { DraftBlock } from '../walk/draft-block';
import type { TreeText } from '../tree-text';

/** What a source's body says about itself, read before the walk; `consumed` nodes are not walked. */
export interface SourceMeta<N> {
  publishedAt: string | null;
  byline: string | null;
  consumed: N[];
  /** Elements to read as the caption of the image before them. */
  captions?: N[];
  /** The time was written on a 12-hour clock without AM or PM (NYT's pudate) and `publishedAt` is its morning reading: the archive time decides. */
  twelveHourClock?: boolean;
  /** The page said "19 分钟前" when the feed saw it: milliseconds before the archive time (BBC). */
  beforeArchive?: number;
}

/** What a source's clean-up found: the article's blocks, and its byline. */
export interface Finished<N> {
  blocks: DraftBlock<N>[];
  byline: string | null;
}

/** One news source's rules for its archive bodies; `common.ts` holds what every source shares. */
export interface SourceRules {
  /** Noise the walk does not enter: adverts, share bars, promos, related-link lists. `tree`: the parse's text answers, asked once per element. */
  skip<N>(dom: DomAdapter<N>, node: N, tree: TreeText<N>): boolean;
  /** Publication time and byline, from the source's own markup. */
  meta<N>(dom: DomAdapter<N>, root: N): SourceMeta<N>;
  /**
   * Clean-up of the walked blocks, given the byline read so far: the blocks kept, and the byline, which
   * a credit line cut from the blocks may have given or changed.
   */
  finish<N>(blocks: DraftBlock<N>[], byline: string | null): Finished<N>;
  /** The title without the site's name; `url` is the article's. */
  title(title: string, url: URL | null): string;
  /** Images with their caption beside them but no figure markup. */
  isFigure?<N>(dom: DomAdapter<N>, node: N): boolean;
}

export const emptyMeta = <N>(): SourceMeta<N> => ({ publishedAt: null, byline: null, consumed: [] });
