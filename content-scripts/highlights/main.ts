/*
 * The highlighting bundle (content-scripts/highlights.js): run by the background in a frame whose
 * page script (the reader view, a Reuters page) shows an article and asked for it. It only hands its
 * start over (content-scripts/lib/highlighting.ts); the page script starts it on the article it shows.
 */
import { provideHighlighting } from '../lib/highlighting';
import { startHighlighting } from './session';

provideHighlighting(startHighlighting);
