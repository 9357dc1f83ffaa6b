import { t } from '../lib/i18n';
import { ArchiveSection } from './ArchiveSection';
import { Library } from './Library';

/** The library in a full tab, for large collections: the same list, search and filters, and each article's export. */
export function LibraryPage() {
  return (
    <main class="library-page">
      <header class="popup-header">
        <h1>{t('libraryTitle')}</h1>
      </header>
      <Library variant="page" />
      <ArchiveSection />
    </main>
  );
}
