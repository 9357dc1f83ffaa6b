import { render } from 'preact';
import { t, uiLanguage } from '../lib/i18n';
import { LibraryPage } from './LibraryPage';

document.documentElement.lang = uiLanguage();
document.title = t('libraryTitle');
render(<LibraryPage />, document.getElementById('app')!);
