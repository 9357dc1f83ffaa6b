import { useEffect, useRef, useState } from 'preact/hooks';
import { ask } from '../lib/ask';
import { t } from '../lib/i18n';
import { COLOR_LABEL, HIGHLIGHT_COLORS } from '../lib/highlight-colors';
import { type AnnotationRecord, type Color, COLORS } from '../src/annotation/records';

/**
 * Everything goes through the background, which keeps the store (a frame inside a web or file page
 * may not open the extension's IndexedDB) and fails loudly. The frame opens on the highlight its
 * one-time token names; the page's script hears only "saved", "deleted" or "closed".
 */
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Escape closes it on key up: closing removes this frame, and the key's release must still find it. */
export function NoteFrame({ token }: { token: string }) {
  const [annotation, setAnnotation] = useState<AnnotationRecord | null>(null);
  const [note, setNote] = useState('');
  const [color, setColor] = useState<Color>('yellow');
  const [tags, setTags] = useState('');
  const noteInput = useRef<HTMLTextAreaElement>(null);
  // The note takes the focus once, when the highlight has loaded; typing elsewhere then stays there.
  useEffect(() => noteInput.current?.focus(), [annotation?.id]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    ask({ type: 'note-open', token })
      .then(({ annotation: found }) => {
        setAnnotation(found);
        setNote(found.note);
        setColor(found.color);
        setTags(found.tags.join(', '));
      })
      .catch((e: unknown) => setError(message(e)));
  }, [token]);

  const run = (work: () => Promise<unknown>) => work().catch((e: unknown) => setError(message(e)));
  if (!annotation) return error ? <p class="error" role="alert">{t('saveFailed', error)}</p> : null;

  // Tags are written apart by commas (either width), 、 or semicolons; each once.
  const tagList = [...new Set(tags.split(/[,，、;；]/).map((tag) => tag.trim()).filter(Boolean))].slice(0, 100);
  const save = () => run(() => ask({ type: 'save-annotation', annotation: { ...annotation, note, color, tags: tagList, modified: new Date().toISOString() } }));
  const remove = () => run(() => ask({ type: 'delete-annotation', id: annotation.id, articleId: annotation.articleId }));
  const close = () => run(() => ask({ type: 'note-frame', action: 'closed', articleId: annotation.articleId }));

  return (
    <div class="editor" role="dialog" aria-label={t('noteEditor')} data-testid="note-editor" onKeyUp={(e) => e.key === 'Escape' && close()}>
      <div class="swatches">
        {COLORS.map((c) => (
          <button type="button" class="swatch" aria-label={t(COLOR_LABEL[c])} aria-pressed={c === color} style={{ background: HIGHLIGHT_COLORS[c] }} onClick={() => setColor(c)} />
        ))}
      </div>
      <textarea data-testid="note-input" lang="zh-Hans" placeholder={t('notePlaceholder')} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} ref={noteInput} />
      <input type="text" data-testid="note-tags" lang="zh-Hans" placeholder={t('tagsPlaceholder')} value={tags} onInput={(e) => setTags((e.target as HTMLInputElement).value)} />
      {error && (
        <p class="error" role="alert">
          {t('saveFailed', error)}
        </p>
      )}
      <div class="actions">
        <button type="button" data-testid="note-save" onClick={save}>
          {t('noteSave')}
        </button>
        <button type="button" data-testid="highlight-delete" onClick={remove}>
          {t('highlightDelete')}
        </button>
        <button type="button" onClick={close}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}
