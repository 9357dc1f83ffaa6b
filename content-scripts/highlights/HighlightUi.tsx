import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { ask } from '../../lib/ask';
import { t, uiLanguage } from '../../lib/i18n';
import { COLOR_LABEL, HIGHLIGHT_COLORS } from '../../lib/highlight-colors';
import { trusted } from './trusted';
import { type AnnotationRecord, type Color, COLORS } from '../../src/annotation/records';

export interface UiState {
  /** Where the selection toolbar stands (viewport), or null when hidden; `focus` when a keyboard selection opened it. */
  toolbar: { x: number; y: number; focus?: boolean } | null;
  /** The highlight whose note is open. */
  editor: { annotation: AnnotationRecord; x: number; y: number } | null;
  orphans: AnnotationRecord[];
  /** A mark after each highlight that has a note (document coordinates); never the note's text. */
  marks: NoteMark[];
  error: string | null;
  /** A short confirmation ("citation copied"). */
  status: string | null;
}

export interface NoteMark {
  id: string;
  x: number;
  y: number;
}

export interface UiActions {
  highlight(color: Color): void;
  addNote(): void;
  copyCitation(): void;
  close(): void;
  openNote(id: string): void;
}

/**
 * Pizhu's own UI on a page, inside an open shadow root: the toolbar, the note editor, the orphans, errors.
 * Its controls act on the reader's own (trusted) clicks and keys only: a page's script can reach them, not use them.
 */
export function HighlightUi({ state, actions }: { state: UiState; actions: UiActions }) {
  return (
    <div lang={uiLanguage()} onKeyDown={trusted((e) => e.key === 'Escape' && actions.close())}>
      {state.marks.map((mark) => (
        <button
          key={mark.id}
          type="button"
          class="note-mark"
          data-testid="note-mark"
          title={t('hasNote')}
          aria-label={t('hasNote')}
          style={{ left: `${mark.x}px`, top: `${mark.y}px` }}
          onMouseDown={(e) => e.preventDefault()}
          onClick={trusted(() => actions.openNote(mark.id))}
        >
          ✎
        </button>
      ))}
      {state.toolbar && <Toolbar toolbar={state.toolbar} actions={actions} />}
      {state.editor && <NoteEditor key={state.editor.annotation.id} editor={state.editor} />}
      {state.orphans.length > 0 && (
        <aside class="orphans" data-testid="orphans" aria-live="polite">
          <p>{t('orphansTitle', String(state.orphans.length))}</p>
          <ul>
            {state.orphans.map((o) => (
              <li key={o.id} lang="zh-Hans">
                “{o.quote.exact}”
              </li>
            ))}
          </ul>
        </aside>
      )}
      {state.status && (
        <p class="status" role="status">
          {state.status}
        </p>
      )}
      {state.error && (
        <p class="error" role="alert" data-testid="save-error">
          {t('saveFailed', state.error)}
        </p>
      )}
    </div>
  );
}

/** Five colours, a note, a citation. A keyboard selection hands it the focus: Tab and Enter do the rest, Escape closes it. */
function Toolbar({ toolbar, actions }: { toolbar: NonNullable<UiState['toolbar']>; actions: UiActions }) {
  const first = useRef<HTMLButtonElement>(null);
  // A layout effect: the focus moves before the toolbar is painted, so a key pressed at once lands on it.
  useLayoutEffect(() => {
    if (toolbar.focus) first.current?.focus();
  }, [toolbar]);
  return (
    <div class="toolbar" role="toolbar" aria-label={t('highlightToolbar')} data-testid="toolbar" style={{ left: `${toolbar.x}px`, top: `${toolbar.y}px` }}>
      {COLORS.map((color, index) => (
        <button
          type="button"
          class="swatch"
          ref={index === 0 ? first : undefined}
          data-testid={`color-${color}`}
          title={t(COLOR_LABEL[color])}
          aria-label={t(COLOR_LABEL[color])}
          style={{ background: HIGHLIGHT_COLORS[color] }}
          // Keep the page's selection: the click must not take it away.
          onMouseDown={(e) => e.preventDefault()}
          onClick={trusted(() => actions.highlight(color))}
        />
      ))}
      <button type="button" class="text" data-testid="add-note" onMouseDown={(e) => e.preventDefault()} onClick={trusted(() => actions.addNote())}>
        {t('addNote')}
      </button>
      <button type="button" class="text" data-testid="copy-citation" onMouseDown={(e) => e.preventDefault()} onClick={trusted(() => actions.copyCitation())}>
        {t('copyCitation')}
      </button>
    </div>
  );
}

/**
 * The note editor is an extension page in a frame: what the reader types there, the page's scripts
 * can neither read nor hear. The frame sits in a closed shadow root, so no page script reaches it or
 * reads its address; and it opens only with a one-time token the background issues for this
 * highlight of this tab's article, so a frame the page makes itself of the same page edits nothing.
 */
function NoteEditor({ editor }: { editor: NonNullable<UiState['editor']> }) {
  const host = useRef<HTMLDivElement>(null);
  const root = useRef<ShadowRoot | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const { id, articleId } = editor.annotation;
  useLayoutEffect(() => {
    root.current ??= host.current!.attachShadow({ mode: 'closed' });
    const shadow = root.current;
    let current = true;
    ask({ type: 'note-token', articleId, id }).then(
      ({ token }) => current && shadow.replaceChildren(noteFrame(token)),
      (error: unknown) => current && setFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      current = false;
      shadow.replaceChildren();
    };
  }, [id, articleId]);
  return (
    <div class="editor" style={{ left: `${editor.x}px`, top: `${editor.y}px` }}>
      <div ref={host} style={{ display: 'block', width: '100%', height: '100%' }} />
      {failed && (
        <p class="error" role="alert" data-testid="save-error">
          {t('saveFailed', failed)}
        </p>
      )}
    </div>
  );
}

function noteFrame(token: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.dataset.pizhuNote = '';
  frame.title = t('noteEditor');
  frame.style.cssText = 'display: block; width: 100%; height: 100%; border: 0; color-scheme: normal;';
  frame.src = `${browser.runtime.getURL('note/index.html')}#token=${token}`;
  return frame;
}
