import { api as browser } from './browser-api';
import { type UiLang, uiLangOf } from '../src/i18n/ui-messages';

/** A visible string in the browser's language (_locales); the key itself if a message is missing. */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * The language the labels are in: the browser picks the label file (`_locales`), and everything
 * else (dates, exports, citations) follows that file, so a page never mixes two languages.
 */
export function uiLang(): UiLang {
  return uiLangOf(t('uiLang'));
}

/** A language tag for dates and `lang` attributes: the browser's own where it agrees with the labels. */
export function uiLanguage(): string {
  const browserTag = browser.i18n.getUILanguage();
  return uiLangOf(browserTag) === uiLang() ? browserTag : uiLang() === 'zh' ? 'zh-CN' : 'en';
}
