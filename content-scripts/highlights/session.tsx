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
import type { ArticleSummary } from '../../src/messages/protocol';
import type { PageMessage } from '../../src/messages/page-guards';
import type { ArticleMap } from '../../src/text-map/article-map';
import { api as browser, type StorageChange } from '../../lib/browser-api';
import { t } from '../../lib/i18n';
import { lastColor, rememberColor } from '../../lib/last-color';
import { BackgroundClient } from './background-client';
import { CitationCopy } from './citation-copy';
import { PageInput } from './page-input';
import { Painting } from './painting';
import { selectionInArticle, type ModelRange } from './selection';
import { EDITOR_HEIGHT, type Theme } from './HighlightUi';
import type { Box } from './placement';
import { UiHost } from './ui-host';
import { afterNextFrame } from './after-frame';
import type { AnnotationRecord, Color } from '../../src/annotation/records';

export interface HighlightTarget {
  article: ArticleSummary;
  /** The article text's map onto this page's nodes. */
  map: ArticleMap<Node>;
  /** True for nodes inside the article: a selection elsewhere on the page is not offered a toolbar. */
  inArticle(node: Node): boolean;
}

export interface HighlightSession {
  /**
   * Paints the article's highlights afresh (after a load, or when another view changed them); null when
   * they could not be read: the reader is told, no selection is taken until they are, and they are asked again.
   */
  show(annotations: AnnotationRecord[] | null, reveal?: string): void;
  /** The article was rendered anew (the reader came back from the raw text): paint on the new nodes. */
  retarget(map: ArticleMap<Node>, inArticle?: HighlightTarget['inArticle']): void;
  /** Another article now stands on the page (a site that navigates without loading a page). */
  switchTo(next: HighlightTarget, annotations: AnnotationRecord[] | null, reveal?: string): void;
  /** The page shows no article now: nothing stays painted or listed, and no message about the old one is acted on. */
  leave(): void;
  /** The reader view's theme (automatic follows the system): the toolbar and the note editor follow it. */
  setTheme(theme: Theme): void;
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
  private undoTimer = 0;
  private retryTimer = 0;
  private retries = 0;
  /** Counts the articles shown here (switchTo, leave): a read begun for an earlier showing is not painted, even of the same article. */
  private shown = 0;
  /** The page moved on to something that is not an article (www.reuters.com navigates in place). */
  private left = false;
  /**
   * The article's stored highlights have been shown. The reader view starts highlighting before they
   * have come (content-scripts/reader/mount.tsx); until then a selection gets no toolbar, so that no
   * highlight is made that their late arrival would paint over.
   */
  private known = false;
  /** The orphans last reported to the popup, with their article's id. */
  private reported: string | null = null;
  /** The article the last paint of one was of, and the highlights it could not place. */
  private placed: { articleId: string; orphanIds: string[] } | null = null;
  /** The highlights the last paint could not place: listed, with the note marks, after the frame that paints. */
  private orphans: AnnotationRecord[] = [];
  private cancelDecoration: (() => void) | null = null;
  /** How many reads of the article's highlights are under way (a note saved, a change elsewhere). */
  private reloads = 0;
  /**
   * A ✎ mark to focus once it is drawn: the note editor closed right after its note was saved, before
   * the highlights read again had marked it (a new note's mark). Dropped by anything the reader does
   * next, and given the focus only within FOCUS_WAIT_MS of the close.
   */
  private focusOnceMarked: { id: string; until: number } | null = null;
  /** The open note editor's frame has spoken (it loaded its highlight): asked to close, it saves first (closeEditorThen). */
  private editorHeard = false;
  /** A close the session asked of the editor's frame: the note to open once it has closed, and whether the focus goes back to the passage (Escape on the page). */
  private afterEditorClosed: { next: AnnotationRecord | null; returnFocus: boolean; at: number } | null = null;
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
      undo: () => void this.undo(),
    });
    this.painting = new Painting(() => this.onReflow());
    void lastColor().then((color) => this.ui.update({ lastColor: color }));
    browser.storage.onChanged.addListener(this.onStorage);
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
      undo: () => this.undo(true),
    });
  }

  show(annotations: AnnotationRecord[] | null, revealId?: string): void {
    this.ui.ready();
    if (!annotations) {
      this.unknown();
      return;
    }
    this.known = true;
    this.ui.update({ loadError: false });
    this.annotations = annotations;
    this.paintAll();
    if (revealId) this.reveal(revealId);
  }

  /**
   * The article's highlights could not be read: an article shown without them would look as if it had
   * none, and a highlight made then would stand beside ones not shown. The reader is told; they are asked
   * again in a moment (and whenever another view changes them: reload).
   */
  private unknown(): void {
    this.known = false;
    this.annotations = [];
    this.paintAll();
    this.ui.update({ loadError: true, toolbar: null });
    this.retries = 0;
    this.retryLater();
  }

  /** The next read of highlights still unknown: after 2 s, then twice as long each time, up to a minute. */
  private retryLater(): void {
    clearTimeout(this.retryTimer);
    const wait = Math.min(RETRY_MS * 2 ** this.retries++, MAX_RETRY_MS);
    this.retryTimer = window.setTimeout(() => {
      if (!this.known && !this.left) void this.reload();
    }, wait);
  }

  /** The article's text stands on other nodes now (drawn again): painted there, and selections there taken (`inArticle`, where it names nodes). */
  retarget(map: ArticleMap<Node>, inArticle?: HighlightTarget['inArticle']): void {
    this.target = { ...this.target, map, ...(inArticle ? { inArticle } : {}) };
    this.paintAll();
  }

  switchTo(next: HighlightTarget, annotations: AnnotationRecord[] | null, revealId?: string): void {
    this.shown++;
    this.focusOnceMarked = null;
    this.afterEditorClosed = null;
    this.left = false;
    this.target = next;
    this.pending = null;
    this.ui.update({ toolbar: null, editor: null, error: null });
    this.show(annotations, revealId);
  }

  leave(): void {
    this.shown++;
    this.focusOnceMarked = null;
    this.afterEditorClosed = null;
    this.left = true;
    this.annotations = [];
    this.pending = null;
    clearTimeout(this.retryTimer);
    this.paintAll();
    this.ui.update({ toolbar: null, editor: null, error: null, loadError: false });
  }

  setTheme(theme: Theme): void {
    this.ui.update({ theme });
  }

  dispose(): void {
    this.left = true;
    this.focusOnceMarked = null;
    clearTimeout(this.undoTimer);
    clearTimeout(this.retryTimer);
    this.cancelDecoration?.();
    browser.storage.onChanged.removeListener(this.onStorage);
    this.input.dispose();
    this.background.dispose();
    this.citations.dispose();
    this.painting.dispose();
    this.ui.dispose();
  }

  private paintAll(): void {
    this.orphans = this.painting.paint(this.target.map, this.annotations);
    // What this paint could not place, for the popup (a page that shows no article now has nothing to add,
    // and the article it left is still told of).
    if (!this.left) this.placed = { articleId: this.target.article.id, orphanIds: this.orphans.map((o) => o.id).sort() };
    // The orphans' list and the note marks come once the frame with the painted highlights is drawn:
    // measuring the marks before would lay the page out inside the task that paints (bench/README.md, page cost).
    this.cancelDecoration ??= afterNextFrame(() => this.decorateNow());
  }

  /** Lists the orphans, marks the notes where their highlights stand now, and tells the popup which ones the last paint could not place. */
  private decorate(): void {
    this.ui.update({ orphans: this.orphans, marks: this.painting.marks(this.annotations) });
    this.ui.attach();
    const waiting = this.focusOnceMarked;
    if (waiting && !this.reloads) {
      this.focusOnceMarked = null;
      // Not into another editor, nor away from something focused meanwhile (the body has the focus
      // where nothing does: where it goes when a focused frame is removed).
      const focusFree = !document.activeElement || document.activeElement === document.body;
      if (!this.ui.state.editor && focusFree && performance.now() < waiting.until) this.ui.focusMark(waiting.id);
    }
    const placed = this.placed;
    const key = placed && `${placed.articleId} ${placed.orphanIds}`;
    if (placed && key !== this.reported) {
      this.reported = key;
      this.background.placement(placed.articleId, placed.orphanIds).catch((error: unknown) => console.warn('Pizhu: placement not reported', error));
    }
  }

  /** The decoration waiting for its frame is made now (its frame came, or the focus is about to go to a note mark). */
  private decorateNow(): void {
    if (!this.cancelDecoration) return;
    this.cancelDecoration();
    this.cancelDecoration = null;
    this.decorate();
  }

  /** Scrolls to a highlight and flashes it; one this copy cannot place is named instead. */
  private reveal(id: string): void {
    if (this.painting.reveal(id)) return;
    const orphan = this.annotations.find((a) => a.id === id);
    if (orphan) this.ui.flash(t('revealOrphan', orphan.quote.exact.slice(0, 40)), 5000);
  }

  /** Loads the article's highlights again (another view changed them) and paints them. */
  private async reload(): Promise<void> {
    const asked = this.target.article;
    const shownAs = this.shown;
    this.reloads++;
    const answer = await this.background
      .seen(asked)
      .catch((error: unknown) => new Failure(error))
      .finally(() => this.reloads--);
    // Another showing (another article, none, or this one again) stands on the page since: this answer is
    // about the old one. (The same article drawn again, retarget(), is still this showing.)
    const current = this.shown === shownAs && !this.left;
    if (!current || answer instanceof Failure) {
      // No marks are drawn for it: a focus waiting for them waits no longer.
      if (!this.reloads) this.focusOnceMarked = null;
      // Still unknown: asked again, a while later each time; the reader is told already, in other words than a failed save.
      if (answer instanceof Failure && current) {
        if (this.known) this.ui.update({ error: answer.reason });
        else this.retryLater();
      }
      return;
    }
    if (!this.known) {
      // Read at last (unknown()): selections are taken from now on.
      this.known = true;
      this.ui.update({ loadError: false });
    }
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

  /** The last colour, picked here or in another tab's toolbar or note editor. */
  private readonly onStorage = (changes: Record<string, StorageChange>, area: string) => {
    if (area === 'local' && changes.lastColor) void lastColor().then((color) => this.ui.update({ lastColor: color }));
  };

  /**
   * The window changed size, or the page grew (an image or an ad came in), and the text reflowed: the
   * marks, the open note and the toolbar follow their passages; the toolbar closes only where its
   * selection is gone.
   */
  private onReflow(): void {
    const editor = this.ui.state.editor;
    const box = editor && this.painting.boxOf(editor.annotation.id);
    const toolbar = this.ui.state.toolbar;
    const selected = toolbar && this.pending ? selectionInArticle(getSelection(), this.target.map, this.target.inArticle)?.range : null;
    this.ui.update({
      marks: this.painting.marks(this.annotations),
      // Moved, not focused again: where the focus is, it stays.
      toolbar: toolbar && selected ? { anchor: toDocument(selected.getBoundingClientRect()), focus: false } : null,
      ...(editor && box ? { editor: { ...editor, anchor: toDocument(box) } } : {}),
    });
  }

  private async highlightSelection(color: Color, remember = true): Promise<AnnotationRecord | null> {
    this.focusOnceMarked = null;
    const pending = this.pending;
    if (!pending) return null;
    if (remember) {
      rememberColor(color);
      this.ui.update({ lastColor: color });
    }
    const { article, map } = this.target;
    const annotation = createAnnotation({ id: crypto.randomUUID(), articleId: article.id, text: map.text, ...pending, color, now: new Date().toISOString() });
    this.pending = null;
    this.ui.update({ toolbar: null });
    if (!(await this.save(annotation))) return null;
    getSelection()?.removeAllRanges();
    return annotation;
  }

  private async addNote(): Promise<void> {
    const annotation = await this.highlightSelection(this.ui.state.lastColor, false);
    if (annotation) this.openEditor(annotation);
  }

  private copyCitation(): void {
    if (!this.pending) return;
    void this.citations.copy(this.target.map.text.slice(this.pending.start, this.pending.end), this.target.article);
  }

  /** Escape: the toolbar and the note close (the note saved first: closeEditorThen); the focus goes back to the passage the note was on. */
  private close(): void {
    this.ui.update({ toolbar: null });
    if (this.ui.state.editor) this.closeEditorThen(null, true);
  }

  /** The note editor closed itself (Escape, Close or Ctrl+Enter there): gone, and the focus back on its passage. */
  private editorClosed(): void {
    const editor = this.ui.state.editor;
    this.afterEditorClosed = null;
    this.ui.update({ toolbar: null, editor: null });
    if (editor) this.returnToPassage(editor.annotation.id);
  }

  /**
   * After the note editor closed by the keyboard: the caret stands at the end of the passage (where
   * Shift and the arrows select on from), and the focus is on its note mark when it has one, or once
   * it has one: a note just saved is marked when its highlights have been read again.
   */
  private returnToPassage(id: string): void {
    this.focusOnceMarked = null;
    const range = this.painting.lastRange(id);
    if (range) caretAtEnd(range);
    this.decorateNow();
    if (!this.ui.focusMark(id) && this.reloads) this.focusOnceMarked = { id, until: performance.now() + FOCUS_WAIT_MS };
  }

  private openNote(id: string): void {
    const annotation = this.annotations.find((a) => a.id === id);
    if (annotation) this.openEditor(annotation);
  }

  private openEditor(annotation: AnnotationRecord): void {
    this.focusOnceMarked = null;
    const open = this.ui.state.editor?.annotation.id;
    // Another note is open: it closes first, saved (closeEditorThen), and this one opens after.
    if (open && open !== annotation.id) {
      this.closeEditorThen(annotation);
      return;
    }
    // Its own highlight clicked while it was asked to close: it opens again once closed (saved).
    if (open && this.afterEditorClosed) {
      this.afterEditorClosed.next = annotation;
      return;
    }
    if (!open) {
      this.editorHeard = false;
      this.afterEditorClosed = null;
    }
    const box = this.painting.boxOf(annotation.id) ?? { left: 16, right: 16, top: 16, bottom: 16 };
    const height = this.ui.state.editor?.annotation.id === annotation.id ? this.ui.state.editor.height : EDITOR_HEIGHT;
    this.ui.update({ toolbar: null, editor: { annotation, anchor: toDocument(box), height } });
  }

  /**
   * A highlight deleted here can be brought back for a few seconds: the undo button, or Ctrl+Z (⌘Z)
   * anywhere on the page but in a text field. Deleted from the note editor, whose frame goes with the
   * focus, the caret stands where the passage ended (`where`): the keyboard reader reads on from there.
   */
  private offerUndo(id: string, where?: Range): void {
    clearTimeout(this.undoTimer);
    if (where?.endContainer.isConnected) caretAtEnd(where);
    this.ui.update({ undo: { id } });
    this.undoTimer = window.setTimeout(() => this.ui.update({ undo: null }), UNDO_SECONDS * 1000);
  }

  /** Undoes the delete offered (by the keyboard: `byKeys`, or the undo button focused); false when none is. */
  private undo(byKeys = false): boolean {
    const offered = this.ui.state.undo;
    if (!offered) return false;
    const focused = byKeys || this.ui.undoHasFocus();
    clearTimeout(this.undoTimer);
    this.ui.update({ undo: null });
    void this.background.undoDelete(offered.id, this.target.article.id).then(
      async () => {
        await this.reload();
        // Undone by the keyboard: the focus goes back to the passage, now painted again.
        if (focused) this.returnToPassage(offered.id);
      },
      (error: unknown) => this.ui.update({ error: t('undoFailed', new Failure(error).reason) }),
    );
    return true;
  }

  /** The selection as it stands now, when it lies inside the article, becomes the pending one. */
  private takeSelection(): Range | null {
    const found = selectionInArticle(getSelection(), this.target.map, this.target.inArticle);
    this.pending = found?.model ?? null;
    return found?.range ?? null;
  }

  private onSelectionEnd(viaKeyboard: boolean): void {
    this.focusOnceMarked = null;
    const selection = getSelection();
    if (!this.known || !selection) return;
    if (selection.isCollapsed) {
      // The selection is gone (a click elsewhere): the toolbar would otherwise highlight words no longer selected.
      this.pending = null;
      if (this.ui.state.toolbar) this.ui.update({ toolbar: null });
      return;
    }
    const range = this.takeSelection();
    if (!range) {
      this.ui.update({ toolbar: null });
      return;
    }
    this.ui.update({ toolbar: { anchor: toDocument(range.getBoundingClientRect()), focus: viaKeyboard } });
  }

  /** A click on a painted highlight opens its note; a click elsewhere closes the open one. */
  private onClick(x: number, y: number): void {
    this.focusOnceMarked = null;
    const open = this.ui.state.editor?.annotation.id;
    // Highlights on top of one another: a click again where one is open opens the next beneath it.
    const hits = this.painting.hitsAt(x, y);
    const id = open && hits.length > 1 && hits.includes(open) ? hits[(hits.indexOf(open) + 1) % hits.length] : hits[0];
    const annotation = id ? this.annotations.find((a) => a.id === id) : undefined;
    if (annotation) this.openEditor(annotation);
    else if (open) this.closeEditorThen(null);
  }

  /**
   * The open editor's frame is asked to close (it saves what was typed first, and stays open with its
   * error where that failed: a note is never dropped with its frame); `next` opens once it has closed.
   * A frame that has not spoken yet holds nothing typed: it goes at once.
   */
  private closeEditorThen(next: AnnotationRecord | null, returnFocus = false): void {
    const editor = this.ui.state.editor;
    if (!editor || !this.editorHeard) {
      this.ui.update({ editor: null });
      if (editor && returnFocus) this.returnToPassage(editor.annotation.id);
      if (next) this.openEditor(next);
      return;
    }
    const asking = this.afterEditorClosed;
    const now = performance.now();
    this.afterEditorClosed = { next, returnFocus, at: asking && now - asking.at < ASK_AGAIN_MS ? asking.at : now };
    // One question at a time: the frame answers it ('closed', or 'kept' where its save failed). One
    // unanswered for a while (lost, or sent before the frame listened) is asked again.
    if (!asking || now - asking.at >= ASK_AGAIN_MS) this.ui.update({ editor: { ...editor, closeAsked: (editor.closeAsked ?? 0) + 1 } });
  }

  /**
   * From the background: the keyboard command or context menu (highlight the selection), the popup
   * (reveal a highlight), another view's change, or the note editor's frame reporting saved,
   * deleted or closed.
   */
  private onMessage(message: PageMessage): void {
    // The page no longer shows the article: nothing about it is done here.
    if (this.left) return;
    if (message.type === 'highlight-selection') {
      if (!this.known) return;
      this.takeSelection();
      void this.highlightSelection(this.ui.state.lastColor, false);
    } else if (message.type === 'reveal-annotation') this.reveal(message.id);
    else if (message.type === 'annotations-changed' && message.articleId === this.target.article.id) void this.reload();
    else if (message.type === 'note-frame' && message.articleId === this.target.article.id) this.onNoteFrame(message);
  }

  /** The note editor saved (as the reader types: it stays open), asked for a height, closed, or deleted its highlight. */
  private onNoteFrame({ action, height }: { action: 'saved' | 'deleted' | 'closed' | 'kept' | 'resize'; height?: number | undefined }): void {
    const editor = this.ui.state.editor;
    if (editor) this.editorHeard = true;
    const after = this.afterEditorClosed;
    if (action === 'closed' && after) {
      // Closed as asked: the focus goes back to the passage after Escape, and stays where a click put it.
      this.afterEditorClosed = null;
      this.ui.update({ editor: null });
      if (editor && after.returnFocus) this.returnToPassage(editor.annotation.id);
      if (after.next) this.openEditor(after.next);
      return;
    }
    if (action === 'kept') this.afterEditorClosed = null;
    else if (action === 'saved') void this.reload();
    else if (action === 'resize') {
      if (editor && height) this.ui.update({ editor: { ...editor, height } });
    } else if (action === 'closed') this.editorClosed();
    else {
      this.afterEditorClosed = null;
      this.ui.update({ editor: null });
      if (editor) this.offerUndo(editor.annotation.id, this.painting.lastRange(editor.annotation.id)?.cloneRange());
      void this.reload();
    }
  }
}

/** How long a ✎ mark still being drawn is waited for, to take the focus as the note editor closes. */
const FOCUS_WAIT_MS = 2000;

/** How long after its highlights could not be read they are asked again. */
const RETRY_MS = 2000;
const MAX_RETRY_MS = 60_000;

/** How long a close asked of the note editor's frame waits for its answer before a click or Escape asks again. */
const ASK_AGAIN_MS = 1000;

/** The caret at the end of a passage: the keyboard reader reads, or selects with Shift and the arrows, on from there. */
const caretAtEnd = (range: Range) => getSelection()?.setBaseAndExtent(range.endContainer, range.endOffset, range.endContainer, range.endOffset);

/** How long the undo of a delete is offered. */
const UNDO_SECONDS = 8;

/** A box of the viewport in document coordinates: what stands there moves with the page when it scrolls. */
const toDocument = (box: Box): Box => ({ left: box.left + scrollX, right: box.right + scrollX, top: box.top + scrollY, bottom: box.bottom + scrollY });

/** A request the background refused or did not answer, in words for the page's status line. */
class Failure {
  readonly reason: string;
  constructor(error: unknown) {
    this.reason = error instanceof Error ? error.message : String(error);
  }
}
