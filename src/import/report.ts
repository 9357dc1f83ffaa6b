import { type UiLang, uiCount, uiMessage } from '../i18n/ui-messages';
import type { MergeReport, Skipped, SkipReason } from '../store/merge';
import type { AnnotationRecord } from '../annotation/records';
import { shorten } from './glimpse';

/**
 * What an import did, in the reader's language: "12 added, 3 updated, 1 skipped: deleted in this
 * library" / "新增 12 条，更新 3 条，跳过 1 条：已在本库删除". Every label is in _locales
 * (`importAdded`, `importSkip_<reason>_one|other`…), counted in each language's plural forms.
 */
export function describeImportResult(report: MergeReport, lang: UiLang): string {
  const say = (key: string, ...subs: string[]) => uiMessage(lang, key, subs);
  const parts = [say('importAdded', String(report.added)), say('importUpdated', String(report.updated))];
  if (report.deleted) parts.push(say('importDeleted', String(report.deleted)));
  const skipped = report.skipped.length;
  if (skipped) {
    const reasons = countReasons(report.skipped);
    if (reasons.length === 1) parts.push(say('importSkippedWhy', String(skipped), reasonLabel(lang, reasons[0]![0], skipped)));
    else parts.push(say('importSkippedCounts', String(skipped), countedReasons(lang, reasons)));
  }
  return parts.join(say('importListSeparator'));
}

/**
 * Why a file was refused when none of its annotations is a highlight: "3 annotations, none a text
 * highlight: 2 image regions, 1 page note", or, when nothing in it is an annotation at all, "this is
 * not an annotation file".
 */
export function describeNothingToImport(total: number, skipped: readonly Skipped[], lang: UiLang): string {
  if (total === 0) return uiMessage(lang, 'importEmptyFile');
  const reasons = countReasons(skipped);
  if (reasons.length === 1 && reasons[0]![0] === 'not-annotation') return uiMessage(lang, 'importNotAnnotations');
  return uiCount(lang, 'importNothing', total, [countedReasons(lang, reasons)]);
}

/** One annotation the import left out, as its list shows it: a few of its words (else its id), and why. */
export interface SkippedLine {
  what: string;
  why: string;
}

/** How many left-out annotations the list names; the summary's counts cover the rest. */
export const LISTED_SKIPS = 200;

/**
 * The annotations an import left out, each named, for the reader to find in the file or the library.
 * Those already in the library come last: a file imported again is expected to hold them, and the
 * rest (replies, page notes, newer copies here…) is what the reader looks for.
 */
export function listSkipped(skipped: readonly Skipped[], imported: readonly AnnotationRecord[], lang: UiLang): { lines: SkippedLine[]; more: number } {
  const ordered = [...skipped.filter((s) => s.reason !== 'already-here'), ...skipped.filter((s) => s.reason === 'already-here')].slice(0, LISTED_SKIPS);
  // What the merge left out is one of the file's highlights: its quote names it.
  const wanted = new Set(ordered.filter((s) => !s.what).map((s) => s.id));
  const quotes = new Map<string, string>();
  for (const record of imported) {
    if (!wanted.has(record.id)) continue;
    const quote = shorten(record.quote.exact);
    if (quote) quotes.set(record.id, `“${quote}”`);
  }
  const lines = ordered.map((s) => ({ what: s.what ?? quotes.get(s.id) ?? s.id, why: reasonLabel(lang, s.reason, 1) }));
  return { lines, more: skipped.length - lines.length };
}

/** Reasons with their counts, most frequent first (then in the order they first appear). */
function countReasons(skipped: readonly Skipped[]): [SkipReason, number][] {
  const counts = new Map<SkipReason, number>();
  for (const { reason } of skipped) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

const reasonKey = (reason: SkipReason) => reason.replace(/-/g, '_');

/** "replies" / "a reply": the reason alone, after "N skipped:". */
export function reasonLabel(lang: UiLang, reason: SkipReason, count: number): string {
  return uiCount(lang, `importSkipWhy_${reasonKey(reason)}`, count);
}

/** "2 replies, 1 page note" / "是回复 2 条，是页面笔记 1 条". */
function countedReasons(lang: UiLang, reasons: [SkipReason, number][]): string {
  return reasons.map(([reason, n]) => uiCount(lang, `importSkip_${reasonKey(reason)}`, n)).join(uiMessage(lang, 'importListSeparator'));
}
