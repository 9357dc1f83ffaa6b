import browser from 'webextension-polyfill';

/** A visible string in the browser's language (_locales); the key itself if a message is missing. */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The language of the extension's own UI (the article's text is Chinese; buttons follow the browser). */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
