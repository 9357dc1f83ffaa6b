import en from '../../_locales/en/messages.json';
import zh from '../../_locales/zh_CN/messages.json';

/** The extension's own UI strings (_locales), for code that runs where `browser.i18n` is not: exports, workers, Node. */
/** The languages of the extension's labels. */
export type UiLang = 'zh' | 'en';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const MESSAGES: Record<UiLang, Record<string, Message | undefined>> = { zh, en };

/**
 * A label, with its `$NAME$` placeholders filled as `browser.i18n.getMessage` fills them: each
 * placeholder's content (`$1`, `$2`…) names a substitution; `$$` is a dollar sign. The key itself
 * when the label is missing.
 */
export function uiMessage(lang: UiLang, key: string, substitutions: string | string[] = []): string {
  const entry = MESSAGES[lang][key];
  if (!entry) return key;
  const subs = Array.isArray(substitutions) ? substitutions : [substitutions];
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$|\$(\d)/g, (whole, name: string | undefined, digit: string | undefined) => {
    if (whole === '$$') return '$';
    if (digit) return subs[Number(digit) - 1] ?? '';
    const content = placeholders.get(name!.toLowerCase());
    return content === undefined ? whole : fill(content);
  });
}

/** The plural form a count takes in a language: Chinese has one, English two (`_one`, `_other` keys). */
export function pluralForm(lang: UiLang, count: number): 'one' | 'other' {
  return lang === 'en' && count === 1 ? 'one' : 'other';
}

/** A counted label: `key_one` or `key_other`, with the count as its first substitution. */
export function uiCount(lang: UiLang, key: string, count: number, more: string[] = []): string {
  return uiMessage(lang, `${key}_${pluralForm(lang, count)}`, [String(count), ...more]);
}

/** The label language a language tag or a label file's own `uiLang` stands for: Chinese, or else English. */
export function uiLangOf(tag: string): UiLang {
  return tag.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
