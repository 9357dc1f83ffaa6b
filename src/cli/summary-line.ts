import type { Article } from '../model/article';
import { readingText } from '../text/article-text';

const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/**
 * One line that shows a reviewer what the parser made of a file: source, time, byline, block counts,
 * problems, title, and the first and last text blocks (where page furniture shows up first).
 */
export function summaryLine(file: string, article: Article): string {
  const count = (type: string) => article.blocks.filter((b) => b.type === type).length;
  const texts = article.blocks.filter((b) => b.type !== 'image').map(readingText);
  const fields = [
    file,
    article.source,
    article.publishedAt?.replace(/:\d\d\.\d{3}Z$/, 'Z') ?? 'no-time',
    `p${count('paragraph')} h${count('heading')} i${count('image')}`,
    `by:${article.byline ?? '-'}`,
    article.problems.length ? `problems:${article.problems.join(',')}` : 'ok',
    `「${clip(article.title, 40)}」`,
    `first:${clip(texts[0] ?? '', 30)}`,
    `last:${clip(texts.at(-1) ?? '', 30)}`,
  ];
  return fields.map((f) => f.replace(/[\t\n]/g, ' ')).join('\t');
}
