import type { AnnotationStore } from '../store/store';
import type { ReadAhead } from './read-ahead';
import type { ReaderFolders } from './reader-folders';

/** Who sent a message, as the browser reports it (never as the message claims). */
export interface Sender {
  /** The sending extension's id: only this extension's own scripts are heard. */
  id?: string;
  tabId?: number;
  frameId?: number;
  url?: string;
  /** The sender's tab is in a private (incognito) window: nothing of it is kept beyond the window. */
  incognito?: boolean;
}

/** What the background needs from the browser; the entry point (main.ts) passes the real APIs. */
export interface BackgroundPorts {
  ownId: string;
  /** Runs the reader bundle in one frame of a tab, and the highlighting bundle right behind it (the reader needs it once it has the article's highlights). */
  injectReader(tabId: number, frameId: number): Promise<void>;
  /** Runs the highlighting bundle (content-scripts/highlights.js) in one frame of a tab, where a page script shows an article. */
  injectHighlighting(tabId: number, frameId: number): Promise<void>;
  /** The extension's own pages start with this (chrome-extension://id/): only they may speak for the popup or the note editor. */
  ownOrigin: string;
  /** Passes a message on to the page script in a tab's frame (the top one unless said). */
  tellTab(tabId: number, message: unknown, frameId?: number): Promise<void>;
  /** Marks the toolbar button of a tab that shows an article Pizhu read, with its number of highlights. */
  markTab(tabId: number, title: string, highlights: number): Promise<void>;
  /** The store, opened on first use (a stopped service worker opens it again, and so does a failed or closed one). */
  store(): Promise<AnnotationStore>;
  /**
   * Which article each tab's frame shows; kept outside the worker's memory, which can be stopped at any
   * moment. A lookup answers after any write of it this worker has under way.
   */
  tabArticles: {
    get(tabId: number, frameId: number): Promise<{ articleId: string; title: string } | undefined>;
    set(tabId: number, frameId: number, value: { articleId: string; title: string }): Promise<void>;
    all(): Promise<{ tabId: number; frameId: number; articleId: string; title: string }[]>;
  };
  /** Shows `url` in a tab: the one that has it open already (ignoring its fragment), else a new one. */
  showUrl(url: string): Promise<{ tabId: number; opened: boolean }>;
  /** The highlight a tab opened from the popup should scroll to once its page has read the article. */
  reveals: {
    peek(tabId: number): Promise<string | undefined>;
    /** Forgets the tab's reveal if it is still this one (another set meanwhile stays). */
    drop(tabId: number, id: string): Promise<void>;
    set(tabId: number, id: string): Promise<void>;
  };
  /** Short-lived state that outlives the worker but not the browser session (storage.session), by the keys of storage-keys.ts. */
  session: {
    get(key: string): Promise<unknown>;
    set(key: string, value: unknown): Promise<void>;
    remove(key: string): Promise<void>;
  };
  /** Highlights read for a frame's reader before it asks (the worker's memory: a stopped worker has none, and the reader reads). */
  readAhead: ReadAhead;
  /** The folders whose files the browser runs the reader in itself, once an archive file of theirs was detected (reader-folders.ts). */
  readerFolders: ReaderFolders;
  /** The extension's own pages that list the library (the library page) hear that these articles' highlights changed. */
  tellLibraryPages(articleIds: string[]): void;
  /** Which highlights of an article could not be placed where it was last read (the popup marks them). */
  setOrphans(articleId: string, ids: string[]): Promise<void>;
  now(): string;
}
