import type { UiLang } from '../i18n/ui-messages';
import type { MergeReport, SkipReason } from '../store/merge';
/** English labels follow a count ("2 replies") or stand after a colon ("1 skipped: a reply"). */
const LABELS: Record<SkipReason, { en: (n: number, counted: boolean) => string; zh: string }> = {
  'already-here': { en: () => 'already here', zh: '本库已有' },
  'newer-here': { en: () => 'newer here', zh: '本库的较新' },
  'deleted-here': { en: () => 'deleted in this library', zh: '已在本库删除' },
  'changed-after-delete': { en: () => 'changed here after being deleted elsewhere', zh: '在别处删除后又在本库改过' },
  'other-article': { en: () => 'an id of another article here', zh: '与本库另一篇文章的标注同号' },
  'duplicate-in-file': { en: () => 'repeated in the file', zh: '在文件中重复' },
  reply: { en: (n, counted) => (n > 1 ? 'replies' : counted ? 'reply' : 'a reply'), zh: '是回复' },
  'page-note': { en: (n, counted) => (n > 1 ? 'page notes' : counted ? 'page note' : 'a page note'), zh: '是页面笔记' },
  'not-web-page': { en: () => 'not on a web page', zh: '不在网页上' },
};

/** "12 added, 3 updated, 1 skipped: deleted in this library" / "新增 12 条，更新 3 条，跳过 1 条：已在本库删除". */
export function describeImportResult(report: MergeReport, lang: UiLang): string {
  const counts = new Map<SkipReason, number>();
  for (const { reason } of report.skipped) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const reasons = [...counts];
  const skipped = report.skipped.length;
  if (lang === 'zh') {
    const parts = [`新增 ${report.added} 条`, `更新 ${report.updated} 条`];
    if (report.deleted) parts.push(`删除 ${report.deleted} 条`);
    let text = parts.join('，');
    if (skipped) {
      const why = reasons.length === 1 ? LABELS[reasons[0]![0]].zh : reasons.map(([r, n]) => `${LABELS[r].zh} ${n} 条`).join('，');
      text += `，跳过 ${skipped} 条${reasons.length === 1 ? '：' : '（'}${why}${reasons.length === 1 ? '' : '）'}`;
    }
    return text;
  }
  const parts = [`${report.added} added`, `${report.updated} updated`];
  if (report.deleted) parts.push(`${report.deleted} deleted`);
  let text = parts.join(', ');
  if (skipped) {
    text +=
      reasons.length === 1
        ? `, ${skipped} skipped: ${LABELS[reasons[0]![0]].en(skipped, false)}`
        : `, ${skipped} skipped (${reasons.map(([r, n]) => `${n} ${LABELS[r].en(n, true)}`).join(', ')})`;
  }
  return text;
}
