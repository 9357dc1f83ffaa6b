import Papa from 'papaparse';
import { articleSection, joinBlocks, type MarkdownOptions, obsidianTag, severalHead } from './markdown';
import { FORMULA_START, READWISE_COLUMNS, readwiseRow } from './readwise-csv';
import { articleJson, collection, toW3cAnnotation, type WebAnnotationOptions } from './web-annotation';
import { annotationOrder } from '../annotation/order';
import type { ArticleRecord, Tombstone } from '../annotation/records';
import type { UiLang } from '../i18n/ui-messages';
import type { ArticleGroup } from '../store/store';

/*
 * The whole library's exports, written article by article as the store reads them (src/store/store.ts
 * walkLibrary), into a Blob: the file is the one copy held, never the library's records as well. Each
 * gives the same file as its one-piece twin (toMarkdown, webAnnotationJson, toReadwiseCsv over
 * readAll), for a library of more than one article: streaming.test.ts holds them to it.
 */

/** What the store's walk feeds an export: groups in article id order, then (JSON) every article and the tombstones. */
export interface StreamingExport {
  group(group: ArticleGroup): void;
  article?(article: ArticleRecord): void;
  /** The file, once everything was fed. */
  finish(tombstones: Tombstone[]): Blob;
  /** Highlights written so far. */
  readonly count: number;
}

/** How many characters are gathered before they join the Blob. */
const FOLD_CHARS = 1 << 20;

/** Text written in pieces into a Blob, folded in every FOLD_CHARS characters: the strings are let go as it grows. */
class BlobText {
  private blob = new Blob([]);
  private parts: string[] = [];
  private chars = 0;

  write(text: string): void {
    this.parts.push(text);
    this.chars += text.length;
    if (this.chars >= FOLD_CHARS) this.fold();
  }

  toBlob(): Blob {
    this.fold();
    return this.blob;
  }

  private fold(): void {
    this.blob = new Blob([this.blob, ...this.parts]);
    this.parts = [];
    this.chars = 0;
  }
}

/** A group's highlights in text order (inTextOrder, then id: the order every export gives). */
const ordered = (group: ArticleGroup) => [...group.annotations].sort(annotationOrder);

/** Markdown for Obsidian, several articles (toMarkdown's form for more than one): the head, with its counts and tags, written last, placed first. */
export function markdownStream(options: MarkdownOptions, type: string): StreamingExport {
  const body = new BlobText();
  const tags = new Set<string>();
  let articles = 0;
  let count = 0;
  return {
    get count() {
      return count;
    },
    group(group) {
      if (!group.article) return;
      const annotations = ordered(group);
      for (const annotation of annotations) for (const tag of annotation.tags) if (obsidianTag(tag)) tags.add(obsidianTag(tag));
      articles++;
      count += annotations.length;
      body.write(`\n\n${articleSection(group.article, annotations, options.lang).filter(Boolean).join('\n\n')}`);
    },
    finish() {
      const head = joinBlocks(severalHead(articles, count, [...tags], options)).slice(0, -1);
      return new Blob([head, body.toBlob(), '\n'], { type });
    },
  };
}

/** Readwise's CSV: the BOM and the header, then each article's rows. */
export function readwiseStream(lang: UiLang, type: string): StreamingExport {
  const body = new BlobText();
  body.write(`\uFEFF${Papa.unparse({ fields: [...READWISE_COLUMNS], data: [] }, { escapeFormulae: FORMULA_START }).replace(/\r\n$/, '')}`);
  let count = 0;
  return {
    get count() {
      return count;
    },
    group(group) {
      const { article } = group;
      if (!article || !group.annotations.length) return;
      const rows = ordered(group).map((annotation) => readwiseRow(article, annotation, lang));
      count += rows.length;
      body.write(`\r\n${Papa.unparse(rows, { escapeFormulae: FORMULA_START })}`);
    },
    finish() {
      // An export without a row still ends its header line, as Papa writes it.
      if (!count) body.write('\r\n');
      return new Blob([body.toBlob()], { type });
    },
  };
}

/**
 * A value as the one-piece JSON has it at `depth` (2 spaces a level): stringified inside `depth` arrays,
 * which indent it as the collection does, and cut out of them (no pass over its lines to indent them).
 */
function indented(value: unknown, depth: number): string {
  let wrapped: unknown = value;
  let head = 0;
  let tail = 0;
  for (let level = 0; level < depth; level++) {
    wrapped = [wrapped];
    head += 2 + 2 * (level + 1); // "[", a line break, the next level's indent
    tail += 2 + 2 * level; // a line break, this level's indent, "]"
  }
  const text = JSON.stringify(wrapped, null, 2);
  return text.slice(head, text.length - tail);
}

/** Stands for the items, then the articles, in the collection's skeleton. */
const ITEMS = '\u0000items';
const ARTICLES = '\u0000articles';

/**
 * W3C Web Annotation JSON-LD (webAnnotationJson's file): the items and articles written as they come;
 * the collection around them, whose ids hash every item's id, made at the end from the skeleton that
 * JSON.stringify gives with one placeholder in each list. Only the item ids are held meanwhile.
 */
export function webAnnotationStream(options: WebAnnotationOptions, type: string): StreamingExport {
  const items = new BlobText();
  const articles = new BlobText();
  const ids: string[] = [];
  let articleCount = 0;
  return {
    get count() {
      return ids.length;
    },
    group(group) {
      for (const annotation of ordered(group)) {
        const item = toW3cAnnotation(annotation, group.article);
        items.write(`${ids.length ? ',\n      ' : ''}${indented(item, 3)}`);
        ids.push(item.id);
      }
    },
    article(article) {
      articles.write(`${articleCount++ ? ',\n    ' : ''}${indented(articleJson(article), 2)}`);
    },
    finish(tombstones) {
      const skeleton = `${JSON.stringify(collection([ITEMS], [ARTICLES], tombstones, ids, options), null, 2)}\n`;
      const parts: (string | Blob)[] = [];
      let at = 0;
      for (const [mark, blob, count] of [
        [ITEMS, items, ids.length],
        [ARTICLES, articles, articleCount],
      ] as const) {
        // The placeholder's list: `[` and the placeholder on its own line, `]`; an empty list is `[]`.
        const quoted = JSON.stringify(mark);
        const open = skeleton.lastIndexOf('[', skeleton.indexOf(quoted, at));
        const close = skeleton.indexOf(']', skeleton.indexOf(quoted, at));
        const indent = skeleton.slice(skeleton.lastIndexOf('\n', close) + 1, close);
        parts.push(skeleton.slice(at, open + 1));
        parts.push(count ? new Blob([`\n${indent}  `, blob.toBlob(), `\n${indent}`]) : '');
        at = close;
      }
      parts.push(skeleton.slice(at));
      return new Blob(parts, { type });
    },
  };
}
