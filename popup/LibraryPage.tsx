import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { ArchiveSection } from './ArchiveSection';
import { Library } from './Library';

type Tab = 'highlights' | 'archive';

const tabOfHash = (): Tab => (location.hash.startsWith('#archive') ? 'archive' : 'highlights');

/** The file inputs the popup's file buttons send the reader to (popup/choose-in-library.ts), by the hash they open the page with. */
const FILE_INPUTS: Record<string, string> = { '#import': 'import-input', '#archive-files': 'archive-files', '#archive-folder': 'archive-folder' };

/**
 * The library in a full tab, a workspace for large collections: the highlights (the popup's list,
 * with a side column of sorts and filters) and the archive collection, each under its own tab
 * (`#archive` opens the second). Both stay mounted, so a search typed in one is there on return.
 */
export function LibraryPage() {
  const [tab, setTab] = useState<Tab>(tabOfHash);
  useEffect(() => {
    const follow = () => setTab(tabOfHash());
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  const choose = useCallback((next: Tab) => {
    setTab(next);
    history.replaceState(null, '', next === 'archive' ? '#archive' : location.pathname);
  }, []);
  const toArchive = useCallback(() => choose('archive'), [choose]);
  // Sent from the popup to choose a file here: that button has the focus, for Enter or a click.
  useEffect(() => {
    const input = FILE_INPUTS[location.hash];
    if (input) requestAnimationFrame(() => document.querySelector<HTMLElement>(`input[data-testid="${input}"]`)?.focus());
  }, []);
  return (
    <main class="library-workspace">
      <header class="workspace-header">
        <h1>{t('libraryTitle')}</h1>
        <div class="tabs" role="tablist" aria-label={t('libraryTitle')} onKeyDown={(e) => moveBetweenTabs(e, tab, choose)}>
          <TabButton id="highlights" label={t('tabHighlights')} current={tab} onChoose={choose} />
          <TabButton id="archive" label={t('archiveTitle')} current={tab} onChoose={choose} />
        </div>
      </header>
      <div class="tab-panel" role="tabpanel" id="panel-highlights" aria-labelledby="tab-highlights" hidden={tab !== 'highlights'}>
        <Library variant="page" />
      </div>
      <div class="tab-panel archive-panel" role="tabpanel" id="panel-archive" aria-labelledby="tab-archive" hidden={tab !== 'archive'}>
        <ArchiveSection shown={tab === 'archive'} onFolderRead={toArchive} />
      </div>
    </main>
  );
}

const TABS: Tab[] = ['highlights', 'archive'];

/** The tabs' keys (the ARIA tabs pattern): the arrows, Home and End choose a tab and take the focus to it; Tab leaves the list. */
function moveBetweenTabs(event: KeyboardEvent, current: Tab, choose: (tab: Tab) => void) {
  // Alt+← is the browser's Back; a modifier leaves the key to whoever else wants it.
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const at = TABS.indexOf(current);
  const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  const tab = TABS[(next + TABS.length) % TABS.length]!;
  choose(tab);
  document.getElementById(`tab-${tab}`)?.focus();
}

function TabButton({ id, label, current, onChoose }: { id: Tab; label: string; current: Tab; onChoose(tab: Tab): void }) {
  return (
    <button
      type="button"
      role="tab"
      class="tab"
      id={`tab-${id}`}
      data-testid={`tab-${id}`}
      aria-controls={`panel-${id}`}
      aria-selected={current === id}
      tabIndex={current === id ? 0 : -1}
      onClick={() => onChoose(id)}
    >
      {label}
    </button>
  );
}
