import en from '../../_locales/en/messages.json';
import zh from '../../_locales/zh_CN/messages.json';

/** The extension's own UI strings (_locales), for code that runs where `browser.i18n` is not: exports, workers, Node. */
/** The languages of the extension's labels. */
export type UiLang = 'zh' | 'en';

const MESSAGES: Record<UiLang, Record<string, { message: string } | undefined>> = { zh, en };

export function uiMessage(lang: UiLang, key: string): string {
  return MESSAGES[lang][key]?.message ?? key;
}

/** The label language a language tag or a label file's own `uiLang` stands for: Chinese, or else English. */
export function uiLangOf(tag: string): UiLang {
  return tag.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
