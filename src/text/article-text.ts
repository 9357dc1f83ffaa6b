import type { Article, Block } from '../model/article';

/**
 * The article text, which highlights count in (README, *The article model and its text*): the title, then each block's reading
 * text, in order, joined by one "\n". Offsets are UTF-16 code units, as JavaScript strings,
 * the DOM and the Hypothesis client count them (not code points: an emoji counts two).
 */
export interface ArticleText {
  text: string;
  /** Where each block's reading text starts; the title starts at 0. */
  blockStarts: number[];
}

/** A paragraph's or heading's text; an image's caption and credit joined by one space. */
export function readingText(block: Block): string {
  if (block.type !== 'image') return block.text;
  return [block.caption, block.credit].filter(Boolean).join(' ');
}

export function articleText(article: Pick<Article, 'title' | 'blocks'>): ArticleText {
  let text = article.title;
  const blockStarts: number[] = [];
  for (const block of article.blocks) {
    text += '\n';
    blockStarts.push(text.length);
    text += readingText(block);
  }
  return { text, blockStarts };
}
