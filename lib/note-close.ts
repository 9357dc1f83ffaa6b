/**
 * What the page's UI posts to the note editor's frame to close it (a click back into the article, or on
 * another highlight): the frame closes as by Escape, saving first, and stays open with its error where
 * the save failed (note/NoteFrame.tsx). A constant, with nothing of the note in it: any window may send it.
 */
export const CLOSE_REQUEST = 'pizhu-close-note';
