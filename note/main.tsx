/*
 * The note editor, an extension page shown in a frame over the article. What the reader types
 * stays in the extension's own origin: the news site's scripts can neither read this document nor
 * hear its keys. It reads and writes the store itself and tells the page only that something changed.
 */
import { render } from 'preact';
import { uiLanguage } from '../lib/i18n';
import { NoteFrame } from './NoteFrame';

document.documentElement.lang = uiLanguage();
const id = new URLSearchParams(location.hash.slice(1)).get('id') ?? '';
render(<NoteFrame id={id} />, document.getElementById('app')!);
