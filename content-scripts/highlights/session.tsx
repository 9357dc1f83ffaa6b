/*
 * Highlighting on a page that shows an article (the reader view, a Reuters page): paints the
 * article's highlights where their words are, lists the ones that cannot be placed, and turns a
 * selection inside the article into a highlight. The store is the background's: every write is a
 * message, acknowledged, and a failed one is shown, not swallowed.
 */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { createAnnotation, placeAnnotations } from '../../src/anchor/annotations';
import { ask } from '../../lib/ask';
import { parseMessage, type ArticleSummary } from '../../src/messages/protocol';
import type { AnnotationRecord, Color } from '../../src/store/records';
import type { ArticleMap } from '../../src/text-map/article-map';
import { domToModel } from '../../src/text-map/dom-to-model';
import { modelRangeToDom } from '../../src/text-map/model-to-dom';
import { liveDom } from '../lib/live-dom';
import { citation } from '../../src/cite/citation';
import { t, uiLanguage } from '../../lib/i18n';
import { HighlightUi, type NoteMark, type UiState } from './HighlightUi';
import { Painter } from './painter';
import uiCss from './ui.css?inline';

export interface HighlightTarget {
  article: ArticleSummary;
  /** The article text's map onto this page's nodes. */
  map: ArticleMap<Node>;
  /** True for nodes inside the article: a selection elsewhere on the page is not offered a toolbar. */
  inArticle(node: Node): boolean;
}

export interface HighlightSession {
  /** Paints the article's highlights afresh (after a load, or when another view changed them). */
  show(annotations: AnnotationRecord[], reveal?: string): void;
  /** The article was rendered anew (the reader came back from the raw text): paint on the new nodes. */
  retarget(map: ArticleMap<Node>): void;
  /** Another article now stands on the page (a site that navigates without loading a page). */
  switchTo(next: HighlightTarget, annotations: AnnotationRecord[], reveal?: string): void;
  /** The page shows no article now: nothing stays painted or listed, and no message about the old one is acted on. */
  leave(): void;
}

export function startHighlighting(initial: HighlightTarget): HighlightSession {
  let target = initial;
  const painter = new Painter();
  let annotations: AnnotationRecord[] = [];
  let pending: { start: number; end: number } | null = null;
  let lastColor: Color = 'yellow';
  /** The page moved on to something that is not an article (www.reuters.com navigates in place). */
  let left = false;
  let state: UiState = { toolbar: null, editor: null, orphans: [], marks: [], error: null, status: null };

  const host = document.createElement('div');
  host.dataset.pizhu = 'ui';
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = uiCss;
  const mount = document.createElement('div');
  shadow.append(style, mount);
  document.documentElement.append(host);

  const update = (next: Partial<UiState>) => {
    state = { ...state, ...next };
    render(<HighlightUi state={state} actions={actions} />, mount);
  };

  /** Why asking the background failed (ask throws BackgroundRefused or BackgroundUnreachable), for the error line. */
  const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

  let reported = '';
  const paintAll = () => {
    painter.clear();
    const { placed, orphans } = placeAnnotations(target.map.text, annotations);
    for (const { annotation, start, end } of placed) painter.paint(annotation.id, annotation.color, toRanges(target.map, start, end));
    update({ orphans, marks: noteMarks() });
    // The popup marks the highlights this copy could not place; tell it when that changes.
    const ids = orphans.map((o) => o.id).sort();
    if (!left && `${target.article.id} ${ids}` !== reported) {
      reported = `${target.article.id} ${ids}`;
      ask({ type: 'placement', articleId: target.article.id, orphans: ids }).catch((error: unknown) => console.warn('Pizhu: placement not reported', error));
    }
  };

  /** Scrolls to a highlight and flashes it; one this copy cannot place is named instead. */
  const reveal = (id: string) => {
    if (painter.reveal(id)) return;
    const orphan = annotations.find((a) => a.id === id);
    if (!orphan) return;
    update({ status: t('revealOrphan', orphan.quote.exact.slice(0, 40)) });
    setTimeout(() => update({ status: null }), 5000);
  };

  /** Where each noted highlight's mark stands: just after its last line, in document coordinates. */
  const noteMarks = (): NoteMark[] =>
    annotations.flatMap((annotation) => {
      const ranges = annotation.note.trim() ? painter.rangesOf(annotation.id) : [];
      const rects = ranges.length ? ranges[ranges.length - 1]!.getClientRects() : null;
      const last = rects?.[rects.length - 1];
      return last ? [{ id: annotation.id, x: last.right + scrollX + 1, y: last.top + scrollY - 6 }] : [];
    });
  // Text reflows when the window or the fonts change: the marks follow it.
  let reflow = 0;
  new ResizeObserver(() => {
    cancelAnimationFrame(reflow);
    reflow = requestAnimationFrame(() => state.marks.length && update({ marks: noteMarks() }));
  }).observe(document.documentElement);

  const save = async (annotation: AnnotationRecord): Promise<boolean> => {
    try {
      await ask({ type: 'save-annotation', annotation });
    } catch (error) {
      update({ error: reason(error) });
      return false;
    }
    annotations = [...annotations.filter((a) => a.id !== annotation.id), annotation];
    paintAll();
    update({ error: null });
    return true;
  };

  const highlightSelection = async (color: Color): Promise<AnnotationRecord | null> => {
    if (!pending) return null;
    lastColor = color;
    const annotation = createAnnotation({ id: crypto.randomUUID(), articleId: target.article.id, text: target.map.text, ...pending, color, now: new Date().toISOString() });
    pending = null;
    update({ toolbar: null });
    if (!(await save(annotation))) return null;
    getSelection()?.removeAllRanges();
    return annotation;
  };

  const openEditor = (annotation: AnnotationRecord) => {
    const rect = painter.rangesOf(annotation.id)[0]?.getBoundingClientRect();
    update({ toolbar: null, editor: { annotation, x: clampX(rect?.left ?? 16, 320), y: (rect?.bottom ?? 16) + 8 } });
  };

  const actions = {
    highlight: (color: Color) => void highlightSelection(color),
    addNote: async () => {
      const annotation = await highlightSelection(lastColor);
      if (annotation) openEditor(annotation);
    },
    copyCitation: async () => {
      if (!pending) return;
      const quote = target.map.text.slice(pending.start, pending.end);
      const text = citation(quote, target.article, new Date(), uiLanguage().startsWith('zh') ? 'zh' : 'en');
      try {
        await navigator.clipboard.writeText(text);
        update({ toolbar: null, status: t('copied'), error: null });
        setTimeout(() => update({ status: null }), 2500);
      } catch (error) {
        update({ error: String(error) });
      }
    },
    close: () => update({ toolbar: null, editor: null }),
    openNote: (id: string) => {
      const annotation = annotations.find((a) => a.id === id);
      if (annotation) openEditor(annotation);
    },
  };

  // From the background: the keyboard command or context menu (highlight the selection), or the note
  // editor's frame reporting saved or deleted (load the highlights again) or closed.
  browser.runtime.onMessage.addListener((raw: unknown) => {
    // The page no longer shows the article: nothing about it is done here.
    if (left) return undefined;
    const message = parseMessage(raw);
    if (message?.type === 'highlight-selection') {
      selectionToPending();
      void highlightSelection(lastColor);
      return undefined;
    }
    if (message?.type === 'reveal-annotation') return void reveal(message.id);
    if (message?.type === 'annotations-changed' && message.articleId === target.article.id) return void reload();
    if (message?.type !== 'note-frame' || message.articleId !== target.article.id) return undefined;
    if (message.action === 'closed') return void update({ editor: null });
    void reload().then(() => update({ editor: null }));
    return undefined;
  });

  const reload = async () => {
    const asked = target;
    const answer = await ask({ type: 'article-seen', article: asked.article, again: true }).catch((error: unknown) => ({ failed: reason(error) }));
    // Another article (or none) stands on the page since: this answer is about the old one.
    if (target !== asked || left) return;
    if ('failed' in answer) return update({ error: answer.failed });
    annotations = answer.annotations;
    paintAll();
  };

  /** The selection's article text, when it lies inside the article; its range on the page. */
  const selectionToPending = (): Range | null => {
    const selection = getSelection();
    pending = null;
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    const range = selection.getRangeAt(0);
    if (!target.inArticle(range.startContainer) || !target.inArticle(range.endContainer)) return null;
    pending = domToModel(liveDom, target.map, { start: { node: range.startContainer, offset: range.startOffset }, end: { node: range.endContainer, offset: range.endOffset } });
    return pending ? range : null;
  };

  const onSelectionEnd = (viaKeyboard = false) => {
    const selection = getSelection();
    if (!selection || selection.isCollapsed) return;
    const range = selectionToPending();
    if (!range) return update({ toolbar: null });
    const rect = range.getBoundingClientRect();
    update({ toolbar: { x: clampX(rect.left, 300), y: rect.bottom + 8 > innerHeight - 48 ? Math.max(8, rect.top - 44) : rect.bottom + 8, focus: viaKeyboard } });
  };

  document.addEventListener('mouseup', (event) => {
    if (event.composedPath().includes(host)) return;
    setTimeout(() => onSelectionEnd(false), 0);
  });
  document.addEventListener('keyup', (event) => {
    if (event.key === 'Escape') return actions.close();
    if (event.composedPath().includes(host)) return;
    if (event.shiftKey || event.key === 'Shift') onSelectionEnd(true);
  });
  document.addEventListener('click', (event) => {
    if (event.composedPath().includes(host) || !getSelection()?.isCollapsed) return;
    const id = painter.hitTest(event.clientX, event.clientY);
    const annotation = id ? annotations.find((a) => a.id === id) : undefined;
    if (annotation) openEditor(annotation);
    else if (state.editor) update({ editor: null });
  });

  update({});
  return {
    leave() {
      left = true;
      annotations = [];
      pending = null;
      paintAll();
      update({ toolbar: null, editor: null, error: null });
    },
    show(next, revealId) {
      annotations = next;
      paintAll();
      if (revealId) reveal(revealId);
    },
    retarget(map) {
      target = { ...target, map };
      paintAll();
    },
    switchTo(next, nextAnnotations, revealId) {
      left = false;
      target = next;
      annotations = nextAnnotations;
      pending = null;
      update({ toolbar: null, editor: null, error: null });
      paintAll();
      if (revealId) reveal(revealId);
    },
  };
}

function toRanges(map: ArticleMap<Node>, start: number, end: number): Range[] {
  return modelRangeToDom(map, start, end).map(({ start: from, end: to }) => {
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  });
}

const clampX = (x: number, width: number) => Math.max(8, Math.min(x, innerWidth - width - 8));
