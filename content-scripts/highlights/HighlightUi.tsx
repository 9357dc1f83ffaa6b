import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { api as browser } from '../../lib/browser-api';
import { ask } from '../../lib/page-ask';
import { t, uiLanguage } from '../../lib/i18n';
import { COLOR_LABEL, swatchStyle } from '../../lib/highlight-colors';
import { shortcutLabel } from '../../lib/last-color';
import { CLOSE_REQUEST } from '../../lib/note-close';
import { applePlatform } from '../../lib/platform';
import { type Box, placeBeside, viewport } from './placement';
import { trusted } from './trusted';
import { type AnnotationRecord, type Color, COLORS } from '../../src/annotation/records';

/** The reader view's theme button, or (automatic, and on Reuters pages) the system's scheme. */
export type Theme = 'auto' | 'light' | 'dark';

export interface UiState {
  /** The selection toolbar beside a passage (document coordinates), or null when hidden; `focus` when a keyboard selection opened it. */
  toolbar: { anchor: Box; focus?: boolean } | null;
  /** The highlight whose note is open, beside its passage (document coordinates), with the height its editor asked for. */
  editor: { annotation: AnnotationRecord; anchor: Box; height: number; closeAsked?: number } | null;
  orphans: AnnotationRecord[];
  /** A mark after each highlight that has a note (document coordinates); never the note's text. */
  marks: NoteMark[];
  error: string | null;
  /** The article's highlights could not be read (session.tsx, unknown()). */
  loadError: boolean;
  /** A short confirmation ("citation copied"). */
  status: string | null;
  /** A highlight just deleted here, which the reader can still bring back. */
  undo: { id: string } | null;
  theme: Theme;
  /** The colour the keyboard command and *Add note* use. */
  lastColor: Color;
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
  undo(): void;
}

/** The note editor's width; narrower in a narrow window. */
const EDITOR_WIDTH = 360;
/** Its height until the editor says how much its note needs. */
export const EDITOR_HEIGHT = 236;

const SCHEME: Record<Theme, string> = { auto: 'light dark', light: 'light', dark: 'dark' };

/**
 * Pizhu's own UI on a page, inside an open shadow root: the toolbar, the note editor, the orphans, errors.
 * Its controls act on the reader's own (trusted) clicks and keys only: a page's script can reach them, not use them.
 */
export function HighlightUi({ state, actions }: { state: UiState; actions: UiActions }) {
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in Pizhu's own controls closes them; the controls themselves are buttons
    <div class="root" lang={uiLanguage()} data-theme={state.theme} onKeyDown={trusted((e) => e.key === 'Escape' && actions.close())}>
      {state.marks.map((mark) => (
        <button
          key={mark.id}
          type="button"
          class="note-mark"
          data-testid="note-mark"
          data-id={mark.id}
          title={t('hasNote')}
          aria-label={t('hasNote')}
          style={{ left: `${mark.x}px`, top: `${mark.y}px` }}
          onMouseDown={(e) => e.preventDefault()}
          onClick={trusted(() => actions.openNote(mark.id))}
        >
          ✎
        </button>
      ))}
      {state.toolbar && <Toolbar toolbar={state.toolbar} lastColor={state.lastColor} actions={actions} />}
      {state.editor && <NoteEditor key={state.editor.annotation.id} editor={state.editor} theme={state.theme} />}
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
      <Notices state={state} actions={actions} />
    </div>
  );
}

/** The status line, the undo offer after a delete (its button, or Ctrl+Z / ⌘Z: page-input.ts), and the last error. */
function Notices({ state, actions }: { state: UiState; actions: UiActions }) {
  const mac = applePlatform();
  return (
    <>
      {state.undo ? (
        <div class="status undo" role="status" data-testid="undo-toast">
          <span>{t('deleted')}</span>
          <button type="button" data-testid="undo" aria-keyshortcuts={mac ? 'Meta+Z' : 'Control+Z'} onClick={trusted(() => actions.undo())}>
            {t('undo')} <kbd>{mac ? '⌘Z' : 'Ctrl+Z'}</kbd>
          </button>
        </div>
      ) : (
        state.status && (
          <p class="status" role="status">
            {state.status}
          </p>
        )
      )}
      {state.loadError && (
        <p class="error" role="alert" data-testid="load-error">
          {t('highlightsNotRead')}
        </p>
      )}
      {state.error && (
        <p class="error" role="alert" data-testid="save-error">
          {t('saveFailed', state.error)}
        </p>
      )}
    </>
  );
}

/**
 * Puts an element beside its passage, measured as it is rendered (never assumed): below the
 * passage when it fits in the window, else above, never past the window's edges. It stands in
 * document coordinates, so it moves with the text when the page scrolls.
 */
function usePlacement(ref: RefObject<HTMLElement>, anchor: Box, height?: number): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: placed again when the passage or the editor's height changes; the element is the same
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const view = { left: anchor.left - scrollX, right: anchor.right - scrollX, top: anchor.top - scrollY, bottom: anchor.bottom - scrollY };
    const { x, y } = placeBeside(view, element.offsetWidth, element.offsetHeight, viewport());
    element.style.left = `${x + scrollX}px`;
    element.style.top = `${y + scrollY}px`;
  }, [anchor, height]);
}

/** Five colours, a note, a citation. A keyboard selection hands it the focus: Tab and Enter do the rest, Escape closes it. */
function Toolbar({ toolbar, lastColor, actions }: { toolbar: NonNullable<UiState['toolbar']>; lastColor: Color; actions: UiActions }) {
  const first = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  usePlacement(box, toolbar.anchor);
  // A layout effect: the focus moves before the toolbar is painted, so a key pressed at once lands on it.
  useLayoutEffect(() => {
    if (toolbar.focus) first.current?.focus();
  }, [toolbar]);
  const keys = shortcutLabel();
  const keep = (e: MouseEvent) => e.preventDefault();
  return (
    <div class="toolbar" role="toolbar" ref={box} aria-label={t('highlightToolbarShortcut', keys)} title={t('highlightToolbarShortcut', keys)} data-testid="toolbar">
      {COLORS.map((color, index) => (
        <button
          key={color}
          type="button"
          class={color === lastColor ? 'swatch last' : 'swatch'}
          ref={index === 0 ? first : undefined}
          data-testid={`color-${color}`}
          title={color === lastColor ? t('lastColorShortcut', [t(COLOR_LABEL[color]), keys]) : t(COLOR_LABEL[color])}
          aria-label={color === lastColor ? t('lastColorShortcut', [t(COLOR_LABEL[color]), keys]) : t(COLOR_LABEL[color])}
          style={swatchStyle(color)}
          // Keep the page's selection: the click must not take it away.
          onMouseDown={keep}
          onClick={trusted(() => actions.highlight(color))}
        />
      ))}
      <button type="button" class="text" data-testid="add-note" onMouseDown={keep} onClick={trusted(() => actions.addNote())}>
        {t('addNote')}
      </button>
      <button type="button" class="text" data-testid="copy-citation" onMouseDown={keep} onClick={trusted(() => actions.copyCitation())}>
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
function NoteEditor({ editor, theme }: { editor: NonNullable<UiState['editor']>; theme: Theme }) {
  const host = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const root = useRef<ShadowRoot | null>(null);
  const frame = useRef<HTMLIFrameElement | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const { id, articleId } = editor.annotation;
  const height = Math.min(editor.height, innerHeight - 16);
  usePlacement(box, editor.anchor, height);
  useLayoutEffect(() => {
    root.current ??= host.current!.attachShadow({ mode: 'closed' });
    const shadow = root.current;
    let current = true;
    ask({ type: 'note-token', articleId, id }).then(
      ({ token }) => {
        if (!current) return;
        frame.current = noteFrame(token, theme);
        shadow.replaceChildren(frame.current);
      },
      (error: unknown) => current && setFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      current = false;
      shadow.replaceChildren();
    };
  }, [id, articleId, theme]);
  // Asked to close (session.tsx): the frame saves first and closes itself, or stays with its error.
  useLayoutEffect(() => {
    if (editor.closeAsked) frame.current?.contentWindow?.postMessage(CLOSE_REQUEST, '*');
  }, [editor.closeAsked]);
  return (
    <div class="editor" ref={box} style={{ height: `${height}px`, width: `${Math.min(EDITOR_WIDTH, viewport().width - 16)}px` }}>
      <div ref={host} style={{ display: 'block', width: '100%', height: '100%' }} />
      {failed && (
        <p class="error" role="alert" data-testid="save-error">
          {t('saveFailed', failed)}
        </p>
      )}
    </div>
  );
}

function noteFrame(token: string, theme: Theme): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.dataset.pizhuNote = '';
  frame.title = t('noteEditor');
  // The frame's scheme is the page's UI's: a frame whose scheme differs gets an opaque backdrop.
  frame.style.cssText = `display: block; width: 100%; height: 100%; border: 0; color-scheme: ${SCHEME[theme]};`;
  frame.src = `${browser.runtime.getURL('note/index.html')}?theme=${theme}#token=${token}`;
  return frame;
}
