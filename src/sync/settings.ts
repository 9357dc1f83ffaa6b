import * as v from 'valibot';
import { type UiLang, uiCount, uiMessage } from '../i18n/ui-messages';
import type { SyncProblemCode } from './run';

/**
 * Sync's settings and state, as the extension's local storage keeps them (never synced, never
 * exported): the background reads the settings, the options page writes them; the background
 * writes the state, the options page and the popup show it.
 */

export const SETTINGS_KEY = 'syncSettings';
export const STATUS_KEY = 'syncStatus';
/** Written by a page to ask the background for a run now (its value: when, so that each ask is a change). */
export const REQUEST_KEY = 'syncRequest';
/** Written by the background when a run changed the library here (its value: when, and how many articles): open lists show it again. */
export const LANDED_KEY = 'syncLanded';

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
  /** What is wrong, in English words (logs), and as a label's code, with the HTTP status where there is one. */
  problem?: string;
  code?: SyncProblemCode;
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

/** The status in words, in the labels' language; an error names its HTTP status where there is one. */
export function statusWords(status: SyncStatus | undefined, formatTime: (iso: string) => string, lang: UiLang): string {
  const say = (key: string, subs: string | string[] = []) => uiMessage(lang, key, subs);
  if (!status || status.state === 'off') return say('syncOff');
  const parts: string[] = [];
  if (status.state === 'syncing') parts.push(say('syncSyncing'));
  else if (status.state === 'error') parts.push(status.code ? say(`syncProblem_${status.code}`, [String(status.status ?? '')]) : say('syncFailed'));
  else parts.push(say('syncSyncedAt', formatTime(status.syncedAt ?? status.at)));
  if (status.state !== 'ok' && status.syncedAt) parts.push(say('syncLastSynced', formatTime(status.syncedAt)));
  parts.push(status.waiting > 0 ? uiCount(lang, 'syncWaiting', status.waiting) : status.state === 'ok' ? say('syncNothingWaits') : '');
  if (status.refused?.count) parts.push(uiCount(lang, 'syncRefused', status.refused.count, [status.refused.first]));
  return parts.filter(Boolean).join(lang === 'zh' ? '' : ' ');
}
