import type { ArticleSource } from '../model/article';
import { utcDay } from '../annotation/time';
import { siteName } from '../annotation/site';
import type { UiLang } from '../i18n/ui-messages';

/** What a citation names: the article's metadata as a page reports it. */
export interface CitedArticle {
  title: string;
  url: string;
  source: ArticleSource;
  publishedAt: string | null;
}

const PUBLISHER_ZH: Record<ArticleSource, string> = {
  reuters: '路透',
  nyt: '纽约时报中文网',
  bbc: 'BBC中文',
  voa: '美国之音',
  ft: 'FT中文网',
  rfi: '法国国际广播电台',
  dw: '德国之声',
  rfa: '自由亚洲电台',
  cdt: '中国数字时代',
  other: '',
};
const PUBLISHER_EN: Record<ArticleSource, string> = {
  reuters: 'Reuters',
  nyt: 'The New York Times Chinese',
  bbc: 'BBC News Chinese',
  voa: 'VOA Chinese',
  ft: 'FT Chinese',
  rfi: 'RFI Chinese',
  dw: 'DW Chinese',
  rfa: 'Radio Free Asia',
  cdt: 'China Digital Times',
  other: '',
};

/**
 * A quotation with its source, ready to paste: in GB/T 7714-2015 form for an online news item
 * (`[EB/OL]`, publication date in brackets, then the date it was cited) for Chinese writing, and
 * APA-like otherwise. The publisher stands as author, since the archive rarely names one.
 */
export function citation(quote: string, article: CitedArticle, citedOn: Date, language: UiLang): string {
  const published = article.publishedAt ? new Date(article.publishedAt) : null;
  const host = siteName(article.url);
  if (language === 'zh') {
    const publisher = PUBLISHER_ZH[article.source] || host;
    const dates = `${published ? `(${utcDay(published)})` : ''}[${utcDay(citedOn)}]`;
    return `“${quote}”\n${publisher ? `${publisher}. ` : ''}${article.title}[EB/OL]. ${dates}. ${article.url}.`;
  }
  const publisher = PUBLISHER_EN[article.source] || host;
  const date = published ? new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).formatToParts(published) : null;
  const when = date ? `${part(date, 'year')}, ${part(date, 'month')} ${part(date, 'day')}` : 'n.d.';
  return `“${quote}”\n${publisher}. (${when}). ${article.title}. ${article.url}`;
}

function part(parts: Intl.DateTimeFormatPart[], type: string): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}
