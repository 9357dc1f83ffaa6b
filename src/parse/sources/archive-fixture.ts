// Test aid: an archive file of our own around a body, parsed as the parse command would.
import type { Article, Block } from '../../model/article';
import { parseArchive } from '../parse-archive';

export function parseFixture(url: string, body: string, title = '测试标题'): Article {
  return parseArchive(`<!--1616481063000-->\n[${title}](${url})\n------\n\n${body}`);
}

/** The blocks in brief: "p:text", "h:text", "img:caption|credit", and "li:", "quote:" … for styles. */
export function brief(article: Article): string[] {
  return article.blocks.map((b: Block) => (b.type === 'image' ? `img:${b.caption ?? ''}|${b.credit ?? ''}` : b.type === 'heading' ? `h:${b.text}` : `${b.style ?? 'p'}:${b.text}`));
}
