import * as v from 'valibot';

/**
 * Sync's settings and state, as the extension's local storage keeps them (never synced, never
 * exported): the background reads the settings, the options page writes them; the background
 * writes the state, the options page and the popup show it.
 */

export const SETTINGS_KEY = 'syncSettings';
export const STATUS_KEY = 'syncStatus';
/** Written by a page to ask the background for a run now (its value: when, so that each ask is a change). */
export const REQUEST_KEY = 'syncRequest';

export const SyncSettingsSchema = v.object({
  /** The database's address, e.g. http://127.0.0.1:5984/pizhu. */
  url: v.pipe(v.string(), v.maxLength(2048), v.url(), v.regex(/^https?:\/\//i, 'an http or https address')),
  user: v.pipe(v.string(), v.maxLength(256)),
  /** Kept here, in the extension's local storage, and sent only to that server. */
  password: v.pipe(v.string(), v.maxLength(1024)),
  /** The name shown beside this reader's highlights in a shared database. */
  name: v.pipe(v.string(), v.trim(), v.maxLength(200)),
  /** False: switched off (the settings stay for next time, the library stays as it is). */
  enabled: v.boolean(),
});
export type SyncSettings = v.InferOutput<typeof SyncSettingsSchema>;

export interface SyncStatus {
  state: 'off' | 'syncing' | 'ok' | 'error';
  /** When it last synced with the server. */
  syncedAt?: string;
  /** When this state was written. */
  at: string;
  /** Changes made here that the server does not have yet. */
  waiting: number;
  /** What is wrong, in words, with the HTTP status where there is one. */
  problem?: string;
  status?: number;
  /** Documents from the server that were not taken, and the first reason. */
  refused?: { count: number; first: string };
}

export function readSettings(raw: unknown): SyncSettings | null {
  const parsed = v.safeParse(SyncSettingsSchema, raw);
  return parsed.success ? parsed.output : null;
}

/** The origin pattern a host permission for the database's server asks for. */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

/** The status in words (English; the page may localize around it). */
export function statusWords(status: SyncStatus | undefined, formatTime: (iso: string) => string): string {
  if (!status || status.state === 'off') return 'Sync is off.';
  const waiting = status.waiting > 0 ? ` ${status.waiting} change${status.waiting === 1 ? '' : 's'} wait.` : '';
  const refused = status.refused?.count ? ` ${status.refused.count} document${status.refused.count === 1 ? '' : 's'} from the server refused (${status.refused.first}).` : '';
  const last = status.syncedAt ? ` Last synced at ${formatTime(status.syncedAt)}.` : '';
  if (status.state === 'syncing') return `Syncing…${last}${waiting}`;
  if (status.state === 'error') return `${capital(status.problem ?? 'sync failed')}.${last}${waiting}${refused}`;
  return `Synced at ${formatTime(status.syncedAt ?? status.at)}.${waiting || ' Nothing waits.'}${refused}`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
