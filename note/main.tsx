/*
 * The note editor, an extension page shown in a frame over the article. What the reader types
 * stays in the extension's own origin: the news site's scripts can neither read this document nor
 * hear its keys. It reads and writes through the background and tells the page only that something changed.
 */
import { render } from 'preact';
import { uiLanguage } from '../lib/i18n';
import { NoteFrame } from './NoteFrame';

document.documentElement.lang = uiLanguage();
// The one-time token the page's content script got from the background for one highlight; it works once.
const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
// The page's theme (the reader view's theme button), in the query; automatic follows the system.
const theme = new URLSearchParams(location.search).get('theme');
if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
history.replaceState(null, '', location.pathname);
render(<NoteFrame token={token} />, document.getElementById('app')!);
