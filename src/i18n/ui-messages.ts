import en from '../../_locales/en/messages.json';
import zh from '../../_locales/zh_CN/messages.json';

/** The extension's own UI strings (_locales), for code that runs where `browser.i18n` is not: exports, workers, Node. */
const MESSAGES: Record<'zh' | 'en', Record<string, { message: string } | undefined>> = { zh, en };

export function uiMessage(lang: 'zh' | 'en', key: string): string {
  return MESSAGES[lang][key]?.message ?? key;
}
