import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ask } from '../lib/ask';
import { t } from '../lib/i18n';
import { COLOR_LABEL, swatchStyle } from '../lib/highlight-colors';
import { rememberColor } from '../lib/last-color';
import { applePlatform } from '../lib/platform';
import { CLOSE_REQUEST } from '../lib/note-close';
import { type AnnotationRecord, type Color, COLORS, LIMITS } from '../src/annotation/records';

/**
 * Everything goes through the background, which keeps the store (a frame inside a web or file page
 * may not open the extension's IndexedDB) and fails loudly. The frame opens on the highlight its
 * one-time token names; the page's script hears only "saved", "deleted", "closed" and a height.
 */
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

interface Draft {
  note: string;
  tags: string;
  color: Color;
}

/** How long after the last key the note is saved. */
const SAVE_AFTER_MS = 400;

// Tags are written apart by commas (either width), 、 or semicolons; each once.
const tagList = (tags: string) =>
  [
    ...new Set(
      tags
        .split(/[,，、;；]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ].slice(0, 100);

/** Why the store would refuse these tags (records.ts's limits), in the reader's words; null when it would take them. */
function tagProblem(tags: string[]): string | null {
  if (tags.some((tag) => tag.length > LIMITS.tag)) return t('tagTooLong', String(LIMITS.tag));
  return null;
}

/**
 * The note as the reader writes it, never lost: saved a moment after each key, at once when a colour
 * is picked, and before the editor closes or loses the focus. Saves go one after another, in order.
 * A save that fails is shown and kept to be sent again (the next key, colour or close): `flush`
 * answers whether everything typed is saved.
 */
function useDraft(annotation: AnnotationRecord | null, setError: (error: string | null) => void) {
  const draft = useRef<Draft | null>(null);
  const dirty = useRef(false);
  const timer = useRef(0);
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  const flush = (): Promise<boolean> => {
    clearTimeout(timer.current);
    const current = draft.current;
    if (!annotation || !current || !dirty.current) return queue.current;
    const tags = tagList(current.tags);
    const problem = tagProblem(tags);
    if (problem) {
      // Not sent: the store would refuse the whole note for it.
      setError(problem);
      queue.current = queue.current.then(() => false);
      return queue.current;
    }
    dirty.current = false;
    const record = { ...annotation, note: current.note, color: current.color, tags, modified: new Date().toISOString() };
    queue.current = queue.current
      .then(() => ask({ type: 'save-annotation', annotation: record }))
      .then(
        () => {
          setError(null);
          return true;
        },
        (e: unknown) => {
          // Sent again with the next save; a newer change is sent anyway.
          dirty.current = true;
          setError(message(e));
          return false;
        },
      );
    return queue.current;
  };
  const change = (next: Draft, now = false) => {
    draft.current = next;
    dirty.current = true;
    clearTimeout(timer.current);
    if (now) void flush();
    else timer.current = window.setTimeout(() => void flush(), SAVE_AFTER_MS);
  };
  useEffect(() => {
    const onLeave = () => void flush();
    addEventListener('blur', onLeave);
    addEventListener('pagehide', onLeave);
    return () => {
      removeEventListener('blur', onLeave);
      removeEventListener('pagehide', onLeave);
    };
  });
  const seed = (loaded: Draft) => {
    draft.current = loaded;
  };
  return { change, flush, seed };
}

/**
 * Lines the note box shows: it grows with the note in steps of a few lines (so the frame's size,
 * which the page can see, tells little of the note), up to a maximum, then scrolls inside.
 */
const LINE_STEP = 4;
const MAX_LINES = 16;

/** Asks the page for the frame's height the note needs, when that changes. */
function useGrow(text: string, articleId: string | undefined) {
  const input = useRef<HTMLTextAreaElement>(null);
  const measure = useRef<HTMLDivElement>(null);
  const asked = useRef(0);
  useLayoutEffect(() => {
    const box = input.current;
    const mirror = measure.current;
    if (!box || !mirror || !articleId) return;
    mirror.style.width = `${box.clientWidth}px`;
    mirror.textContent = `${text}\u200b`;
    const line = parseFloat(getComputedStyle(box).lineHeight) || 21;
    const lines = Math.min(MAX_LINES, Math.max(LINE_STEP, Math.ceil(mirror.offsetHeight / line / LINE_STEP) * LINE_STEP));
    const chrome = document.documentElement.offsetHeight - box.offsetHeight;
    const height = Math.ceil(chrome + lines * line + (box.offsetHeight - box.clientHeight) + 12);
    if (height === asked.current) return;
    asked.current = height;
    ask({ type: 'note-frame', action: 'resize', articleId, height: Math.min(height, 2000) }).catch(() => undefined);
  }, [text, articleId]);
  return { input, measure };
}

/** The page asks the frame to close when the reader clicks back into the article or on another highlight (session.tsx): it closes as by Escape, saved first. */
function useCloseRequest() {
  const closeNow = useRef<() => void>(() => undefined);
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.source === window.parent && event.data === CLOSE_REQUEST) closeNow.current();
    };
    addEventListener('message', onMessage);
    return () => removeEventListener('message', onMessage);
  }, []);
  return closeNow;
}

/**
 * Closing the editor: once what was typed is saved. Where it could not be, the close is refused (the
 * page, where it asked, hears 'kept'); a second close in the editor itself discards it, never one the
 * page asks for (a click or Escape elsewhere). A close asked while one is under way is that one.
 */
function useClosing(articleId: string | undefined, flush: () => Promise<boolean>, setError: (error: string | null) => void) {
  const [closeRefused, setCloseRefused] = useState(false);
  const closing = useRef(false);
  const close = (askedByPage = false) => {
    if (!articleId || closing.current) return;
    closing.current = true;
    void flush().then((saved) => {
      if (!saved && (askedByPage || !closeRefused)) {
        closing.current = false;
        // Only the editor's own close counts towards discarding: a page's ask never does.
        if (!askedByPage) setCloseRefused(true);
        return ask({ type: 'note-frame', action: 'kept', articleId }).catch(() => undefined);
      }
      return ask({ type: 'note-frame', action: 'closed', articleId }).catch((e: unknown) => {
        closing.current = false;
        setError(message(e));
      });
    });
  };
  return { close, closeRefused, setCloseRefused };
}

/** Escape closes it on key up: closing removes this frame, and the key's release must still find it. Ctrl or ⌘ with Enter saves and closes. */
export function NoteFrame({ token }: { token: string }) {
  const [annotation, setAnnotation] = useState<AnnotationRecord | null>(null);
  const [form, setForm] = useState<Draft>({ note: '', tags: '', color: 'yellow' });
  const [error, setError] = useState<string | null>(null);
  const draft = useDraft(annotation, setError);
  const closeNow = useCloseRequest();
  const { close, closeRefused, setCloseRefused } = useClosing(annotation?.articleId, draft.flush, setError);
  const { input, measure } = useGrow(form.note, annotation?.articleId);
  // The note takes the focus once, when the highlight has loaded; typing elsewhere then stays there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when another highlight has loaded, on purpose
  useEffect(() => input.current?.focus(), [annotation?.id]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the token is presented once, when the frame opens
  useEffect(() => {
    ask({ type: 'note-open', token })
      .then(({ annotation: found }) => {
        const loaded = { note: found.note, tags: found.tags.join(', '), color: found.color };
        draft.seed(loaded);
        setForm(loaded);
        setAnnotation(found);
      })
      .catch((e: unknown) => setError(message(e)));
  }, [token]);

  if (!annotation)
    return error ? (
      <p class="error" role="alert">
        {t('saveFailed', error)}
      </p>
    ) : null;
  const update = (next: Partial<Draft>, now = false) => {
    const merged = { ...form, ...next };
    setForm(merged);
    setCloseRefused(false);
    draft.change(merged, now);
  };
  const pick = (color: Color) => {
    rememberColor(color);
    update({ color }, true);
  };
  closeNow.current = () => close(true);
  // What was typed is saved first: an undo of the delete brings the note back too.
  const remove = () =>
    void draft
      .flush()
      .then(() => ask({ type: 'delete-annotation', id: annotation.id, articleId: annotation.articleId }))
      .catch((e: unknown) => setError(message(e)));
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      close();
    }
  };
  return (
    <div class="editor" role="dialog" aria-label={t('noteEditor')} data-testid="note-editor" onKeyDown={onKeyDown} onKeyUp={(e) => e.key === 'Escape' && close()}>
      <Swatches chosen={form.color} onPick={pick} />
      <textarea data-testid="note-input" lang="zh-Hans" placeholder={t('notePlaceholder')} value={form.note} onInput={(e) => update({ note: (e.target as HTMLTextAreaElement).value })} ref={input} />
      <div class="measure" ref={measure} aria-hidden="true" />
      <input type="text" data-testid="note-tags" lang="zh-Hans" placeholder={t('tagsPlaceholder')} value={form.tags} onInput={(e) => update({ tags: (e.target as HTMLInputElement).value })} />
      {error && (
        <p class="error" role="alert" data-testid="note-error">
          {t('saveFailed', error)}
          {closeRefused && ` ${t('closeToDiscard')}`}
        </p>
      )}
      <Actions onDelete={remove} onClose={() => close()} />
    </div>
  );
}

function Swatches({ chosen, onPick }: { chosen: Color; onPick(color: Color): void }) {
  return (
    <fieldset class="swatches" aria-label={t('highlightColor')}>
      {COLORS.map((c) => (
        <button
          type="button"
          key={c}
          class="swatch"
          data-testid={`note-color-${c}`}
          aria-label={t(COLOR_LABEL[c])}
          title={t(COLOR_LABEL[c])}
          aria-pressed={c === chosen}
          style={swatchStyle(c)}
          onClick={() => onPick(c)}
        />
      ))}
    </fieldset>
  );
}

/** Delete alone on the left; Close and Save (which also closes: the note is saved as it is typed) together on the right. */
function Actions({ onDelete, onClose }: { onDelete(): void; onClose(): void }) {
  return (
    <div class="actions">
      <button type="button" class="delete" data-testid="highlight-delete" onClick={onDelete}>
        {t('highlightDelete')}
      </button>
      <span class="hint">{t('noteAutosaved')}</span>
      <button type="button" onClick={onClose}>
        {t('close')}
      </button>
      <button type="button" class="primary" data-testid="note-save" title={t('noteSaveShortcut', applePlatform() ? '⌘+Enter' : 'Ctrl+Enter')} onClick={onClose}>
        {t('noteSave')}
      </button>
    </div>
  );
}
