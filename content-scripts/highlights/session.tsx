/*
 * Highlighting on a page that shows an article (the reader view, a Reuters page): paints the
 * article's highlights where their words are, lists the ones that cannot be placed, and turns a
 * selection inside the article into a highlight. The session composes its parts, each of which
 * takes back what it added when disposed:
 *   UiHost (ui-host.tsx)            the shadow host and the rendered toolbar, note frame, orphans, marks;
 *   Painting (painting.ts)          the painted highlights and the note marks, following reflows;
 *   BackgroundClient (background-client.ts)  every request to the background, and its messages;
 *   CitationCopy (citation-copy.ts) a selection copied as a citation;
 *   PageInput (page-input.ts)       the reader's mouse and keys on the page (trusted events only);
 * and selectionInArticle (selection.ts) turns the page's selection into a stretch of article text.
 */
import { createAnnotation } from '../../src/anchor/annotations';
import { type ArticleSummary, type Message } from '../../src/messages/protocol';
import type { ArticleMap } from '../../src/text-map/article-map';
import { t } from '../../lib/i18n';
import { BackgroundClient } from './background-client';
import { CitationCopy } from './citation-copy';
import { PageInput } from './page-input';
import { Painting } from './painting';
import { selectionInArticle, type ModelRange } from './selection';
import { UiHost } from './ui-host';
import type { AnnotationRecord, Color } from '../../src/annotation/records';

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
  /** Ends highlighting on this page: every listener, observer, element and painted highlight it added is gone. */
  dispose(): void;
}

export function startHighlighting(initial: HighlightTarget): HighlightSession {
  return new Session(initial);
}

class Session implements HighlightSession {
  private target: HighlightTarget;
  private annotations: AnnotationRecord[] = [];
  /** The article text the reader selected last, until a colour or a note takes it. */
  private pending: ModelRange | null = null;
  private lastColor: Color = 'yellow';
  /** The page moved on to something that is not an article (www.reuters.com navigates in place). */
  private left = false;
  /** The orphans last reported to the popup, with their article's id. */
  private reported = '';
  private readonly ui: UiHost;
  private readonly painting: Painting;
  private readonly background = new BackgroundClient();
  private readonly citations: CitationCopy;
  private readonly input: PageInput;

  constructor(initial: HighlightTarget) {
    this.target = initial;
    this.ui = new UiHost({
      highlight: (color) => void this.highlightSelection(color),
      addNote: () => void this.addNote(),
      copyCitation: () => this.copyCitation(),
      close: () => this.close(),
      openNote: (id) => this.openNote(id),
    });
    this.painting = new Painting(() => {
      if (this.ui.state.marks.length) this.ui.update({ marks: this.painting.marks(this.annotations) });
    });
    this.citations = new CitationCopy((outcome) => {
      if ('error' in outcome) return this.ui.update({ error: outcome.error });
      this.ui.update({ toolbar: null, error: null });
      this.ui.flash(t('copied'), 2500);
    });
    this.background.listen((message) => this.onMessage(message));
    this.input = new PageInput((event) => this.ui.owns(event), {
      selectionEnd: (viaKeyboard) => this.onSelectionEnd(viaKeyboard),
      escape: () => this.close(),
      clickAt: (x, y) => this.onClick(x, y),
    });
  }

  show(annotations: AnnotationRecord[], revealId?: string): void {
    this.annotations = annotations;
    this.paintAll();
    if (revealId) this.reveal(revealId);
  }

  retarget(map: ArticleMap<Node>): void {
    this.target = { ...this.target, map };
    this.paintAll();
  }

  switchTo(next: HighlightTarget, annotations: AnnotationRecord[], revealId?: string): void {
    this.left = false;
    this.target = next;
    this.annotations = annotations;
    this.pending = null;
    this.ui.update({ toolbar: null, editor: null, error: null });
    this.paintAll();
    if (revealId) this.reveal(revealId);
  }

  leave(): void {
    this.left = true;
    this.annotations = [];
    this.pending = null;
    this.paintAll();
    this.ui.update({ toolbar: null, editor: null, error: null });
  }

  dispose(): void {
    this.left = true;
    this.input.dispose();
    this.background.dispose();
    this.citations.dispose();
    this.painting.dispose();
    this.ui.dispose();
  }

  private paintAll(): void {
    const orphans = this.painting.paint(this.target.map, this.annotations);
    this.ui.update({ orphans, marks: this.painting.marks(this.annotations) });
    // The popup marks the highlights this copy could not place; tell it when that changes.
    const ids = orphans.map((o) => o.id).sort();
    const key = `${this.target.article.id} ${ids}`;
    if (!this.left && key !== this.reported) {
      this.reported = key;
      this.background.placement(this.target.article.id, ids).catch((error: unknown) => console.warn('Pizhu: placement not reported', error));
    }
  }

  /** Scrolls to a highlight and flashes it; one this copy cannot place is named instead. */
  private reveal(id: string): void {
    if (this.painting.reveal(id)) return;
    const orphan = this.annotations.find((a) => a.id === id);
    if (orphan) this.ui.flash(t('revealOrphan', orphan.quote.exact.slice(0, 40)), 5000);
  }

  /** Loads the article's highlights again (another view changed them) and paints them. */
  private async reload(): Promise<void> {
    const asked = this.target;
    const answer = await this.background.seen(asked.article).catch((error: unknown) => new Failure(error));
    // Another article (or none) stands on the page since: this answer is about the old one.
    if (this.target !== asked || this.left) return;
    if (answer instanceof Failure) return this.ui.update({ error: answer.reason });
    this.annotations = answer;
    this.paintAll();
  }

  private async save(annotation: AnnotationRecord): Promise<boolean> {
    try {
      await this.background.save(annotation);
    } catch (error) {
      this.ui.update({ error: new Failure(error).reason });
      return false;
    }
    this.annotations = [...this.annotations.filter((a) => a.id !== annotation.id), annotation];
    this.paintAll();
    this.ui.update({ error: null });
    return true;
  }

  private async highlightSelection(color: Color): Promise<AnnotationRecord | null> {
    const pending = this.pending;
    if (!pending) return null;
    this.lastColor = color;
    const { article, map } = this.target;
    const annotation = createAnnotation({ id: crypto.randomUUID(), articleId: article.id, text: map.text, ...pending, color, now: new Date().toISOString() });
    this.pending = null;
    this.ui.update({ toolbar: null });
    if (!(await this.save(annotation))) return null;
    getSelection()?.removeAllRanges();
    return annotation;
  }

  private async addNote(): Promise<void> {
    const annotation = await this.highlightSelection(this.lastColor);
    if (annotation) this.openEditor(annotation);
  }

  private copyCitation(): void {
    if (!this.pending) return;
    void this.citations.copy(this.target.map.text.slice(this.pending.start, this.pending.end), this.target.article);
  }

  private close(): void {
    this.ui.update({ toolbar: null, editor: null });
  }

  private openNote(id: string): void {
    const annotation = this.annotations.find((a) => a.id === id);
    if (annotation) this.openEditor(annotation);
  }

  private openEditor(annotation: AnnotationRecord): void {
    const box = this.painting.boxOf(annotation.id);
    this.ui.update({ toolbar: null, editor: { annotation, x: clampX(box?.left ?? 16, 320), y: (box?.bottom ?? 16) + 8 } });
  }

  /** The selection as it stands now, when it lies inside the article, becomes the pending one. */
  private takeSelection(): Range | null {
    const found = selectionInArticle(getSelection(), this.target.map, this.target.inArticle);
    this.pending = found?.model ?? null;
    return found?.range ?? null;
  }

  private onSelectionEnd(viaKeyboard: boolean): void {
    const selection = getSelection();
    if (!selection || selection.isCollapsed) return;
    const range = this.takeSelection();
    if (!range) return this.ui.update({ toolbar: null });
    const rect = range.getBoundingClientRect();
    const y = rect.bottom + 8 > innerHeight - 48 ? Math.max(8, rect.top - 44) : rect.bottom + 8;
    this.ui.update({ toolbar: { x: clampX(rect.left, 300), y, focus: viaKeyboard } });
  }

  /** A click on a painted highlight opens its note; a click elsewhere closes the open one. */
  private onClick(x: number, y: number): void {
    const id = this.painting.hitTest(x, y);
    const annotation = id ? this.annotations.find((a) => a.id === id) : undefined;
    if (annotation) this.openEditor(annotation);
    else if (this.ui.state.editor) this.ui.update({ editor: null });
  }

  /**
   * From the background: the keyboard command or context menu (highlight the selection), the popup
   * (reveal a highlight), another view's change, or the note editor's frame reporting saved,
   * deleted or closed.
   */
  private onMessage(message: Message): void {
    // The page no longer shows the article: nothing about it is done here.
    if (this.left) return;
    if (message.type === 'highlight-selection') {
      this.takeSelection();
      void this.highlightSelection(this.lastColor);
    } else if (message.type === 'reveal-annotation') this.reveal(message.id);
    else if (message.type === 'annotations-changed' && message.articleId === this.target.article.id) void this.reload();
    else if (message.type === 'note-frame' && message.articleId === this.target.article.id) {
      if (message.action === 'closed') this.ui.update({ editor: null });
      else void this.reload().then(() => this.ui.update({ editor: null }));
    }
  }
}

const clampX = (x: number, width: number) => Math.max(8, Math.min(x, innerWidth - width - 8));

/** A request the background refused or did not answer, in words for the page's status line. */
class Failure {
  readonly reason: string;
  constructor(error: unknown) {
    this.reason = error instanceof Error ? error.message : String(error);
  }
}
