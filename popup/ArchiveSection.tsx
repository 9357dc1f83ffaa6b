import { useCallback, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../lib/i18n';
import { ArchiveClient } from './archive-client';
import type { ArchiveReply } from './archive-protocol';
import { ArchiveCollection, openInReader } from './ArchiveCollection';
import { ArchiveOpen } from './ArchiveOpen';

/** One archive worker for the page's life: it holds the search index. */
function useArchiveClient(): ArchiveClient {
  const [client] = useState(() => new ArchiveClient());
  return client;
}

/** Files opened one by one open in the reader (the first of them); a folder is browsed in the library (its archive tab). */
function useOpenWhenRead(where: 'popup' | 'page', onFolderRead?: () => void) {
  return useCallback(
    (reply: Extract<ArchiveReply, { kind: 'read' }>, opened: 'files' | 'folder') => {
      if (opened === 'files' && reply.firstId) openInReader(reply.firstId);
      else if (where === 'popup') browser.tabs.create({ url: browser.runtime.getURL('popup/library.html#archive') }).catch((e: unknown) => console.error('Pizhu: the library did not open', e));
      else onFolderRead?.();
    },
    [where, onFolderRead],
  );
}

/**
 * The library page's archive part: open files or a folder, then browse and search what was read. The
 * collection's list is made when its tab is first shown, and kept: it reads the library's annotated
 * articles (10,000 keys at 100,000 highlights), which held the database ahead of the highlights' first list.
 */
export function ArchiveSection({ shown, onFolderRead }: { shown: boolean; onFolderRead?: () => void }) {
  const client = useArchiveClient();
  const onRead = useOpenWhenRead('page', onFolderRead);
  const listed = useRef(false);
  listed.current ||= shown;
  return (
    <section class="archive-section" aria-labelledby="archive-heading">
      <h2 id="archive-heading" class="visually-hidden">
        {t('archiveTitle')}
      </h2>
      <ArchiveOpen client={client} onRead={onRead} />
      {listed.current && <ArchiveCollection client={client} />}
    </section>
  );
}

/** The popup's archive part: open files (shown in the reader) or a folder (browsed in the library). */
export function ArchiveOpenInPopup() {
  const client = useArchiveClient();
  const onRead = useOpenWhenRead('popup');
  return <ArchiveOpen client={client} onRead={onRead} />;
}
