import { describe, expect, it } from 'vitest';
import { anchorQuote, LastTextMatcher, Matcher } from './anchor';
import { describeRange } from './selectors';

// An article text (src/text/article-text.ts): the title, then blocks, one per line.
const TITLE = '综述：“守望相助” 中俄誓言在核心利益问题上做彼此坚强后盾';
const P1 = '路透北京3月23日 - 火药味十足的中美阿拉斯加会谈上周五落幕后，俄罗斯外长拉夫罗夫周一抵达中国。';
const P2 = '中国外长王毅与拉夫罗夫在桂林会晤时表示，中俄要在核心利益问题上相互坚定支持。';
const P3 = '分析人士指出，美国的施压正在把中俄推得更近。美国的盟友则对此表示担忧。';
const P4 = '王毅说，中俄关系是“守望相助”的关系，不受国际风云变幻影响。（完）';
const ARTICLE = [TITLE, P1, P2, P3, P4].join('\n');

/** The selectors of the `nth` occurrence of `words` in `text`. */
function highlight(text: string, words: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(words, at + 1);
  if (at < 0) throw new Error(`no "${words}" in the text`);
  return describeRange(text, at, at + words.length);
}

/** Where the highlight lands in the new text: its words, with the offset of the start, or null. */
function land(original: string, words: string, edited: string, nth = 0) {
  const { position, quote } = highlight(original, words, nth);
  const found = anchorQuote(edited, quote, position);
  return found && { words: edited.slice(found.start, found.end), start: found.start, method: found.method };
}

const replace = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`no "${from}"`);
  return text.replace(from, to);
};

interface Case {
  name: string;
  words: string;
  nth?: number;
  edit: (text: string) => string;
  /** The words it should land on in the edited text, the occurrence among them, or null for an orphan. */
  lands: string | null;
  landsNth?: number;
  method?: 'position' | 'quote' | 'fuzzy';
}

const CASES: Case[] = [
  // Unchanged text: the position holds.
  { name: 'a phrase in a paragraph, text unchanged', words: '俄罗斯外长拉夫罗夫', edit: (t) => t, lands: '俄罗斯外长拉夫罗夫', method: 'position' },
  { name: 'a quote in the title', words: '守望相助', edit: (t) => t, lands: '守望相助', method: 'position' },
  { name: 'the whole title', words: TITLE, edit: (t) => t, lands: TITLE, method: 'position' },
  { name: 'a highlight across two paragraphs', words: '周一抵达中国。\n中国外长王毅', edit: (t) => t, lands: '周一抵达中国。\n中国外长王毅', method: 'position' },
  { name: 'the last words of the article', words: '（完）', edit: (t) => t, lands: '（完）', method: 'position' },
  { name: 'a single character', words: '桂', edit: (t) => t, lands: '桂', method: 'position' },
  { name: 'the first of two occurrences', words: '美国的', edit: (t) => t, lands: '美国的', method: 'position' },
  { name: 'the second of two occurrences', words: '美国的', nth: 1, edit: (t) => t, lands: '美国的', landsNth: 1, method: 'position' },

  // Edits before the quote: the position moves, the quote is found by its context.
  { name: 'a paragraph added before it', words: '相互坚定支持', edit: (t) => replace(t, P1, `（新增更多分析师评论）\n${P1}`), lands: '相互坚定支持', method: 'quote' },
  { name: 'a sentence added earlier in its paragraph', words: '在桂林会晤', edit: (t) => replace(t, '中国外长王毅', '据新华社报道，中国外长王毅'), lands: '在桂林会晤', method: 'quote' },
  { name: 'the title reworded, a quote in the body', words: '美国的施压', edit: (t) => replace(t, TITLE, '中俄外长桂林会晤'), lands: '美国的施压', method: 'quote' },
  {
    name: 'the second occurrence, after text was added before both',
    words: '美国的',
    nth: 1,
    edit: (t) => replace(t, '分析人士指出', '多位分析人士周二指出'),
    lands: '美国的',
    landsNth: 1,
    method: 'quote',
  },
  { name: 'the first occurrence, after text was added before both', words: '美国的', edit: (t) => replace(t, P1, `补充。\n${P1}`), lands: '美国的', landsNth: 0, method: 'quote' },
  { name: 'a paragraph removed before it', words: '不受国际风云变幻影响', edit: (t) => replace(t, `${P3}\n`, ''), lands: '不受国际风云变幻影响', method: 'quote' },
  { name: 'a quote in the title after a block was added to the body', words: '核心利益问题', edit: (t) => replace(t, P1, `${P1}\n新的一段。`), lands: '核心利益问题', method: 'position' },

  // Edits after the quote: the position still holds.
  { name: 'a paragraph added after it', words: '俄罗斯外长拉夫罗夫', edit: (t) => `${t}\n更多内容。`, lands: '俄罗斯外长拉夫罗夫', method: 'position' },
  { name: 'a sentence reworded after it', words: '火药味十足', edit: (t) => replace(t, P4, '王毅称中俄关系牢不可破。（完）'), lands: '火药味十足', method: 'position' },

  // Edits inside the quote: a near match, or an orphan when too much changed.
  {
    name: 'one character changed inside a long quote',
    words: '中国外长王毅与拉夫罗夫在桂林会晤时表示',
    edit: (t) => replace(t, '会晤时表示', '会谈时表示'),
    lands: '中国外长王毅与拉夫罗夫在桂林会谈时表示',
    method: 'fuzzy',
  },
  { name: 'two characters added inside a quote', words: '美国的施压正在把中俄推得更近', edit: (t) => replace(t, '正在把', '正在逐步把'), lands: '美国的施压正在逐步把中俄推得更近', method: 'fuzzy' },
  {
    name: 'three characters added inside a 14-character quote, the text on both sides unchanged',
    words: '美国的施压正在把中俄推得更近',
    edit: (t) => replace(t, '正在把', '正在进一步把'),
    lands: '美国的施压正在进一步把中俄推得更近',
    method: 'fuzzy',
  },
  {
    name: 'three characters added inside a 14-character quote, the sentence after it rewritten: too much changed',
    words: '美国的施压正在把中俄推得更近',
    edit: (t) => replace(t, '正在把中俄推得更近。美国的盟友则对此表示担忧', '正在进一步把中俄推得更近。欧洲国家对这一趋势感到不安'),
    lands: null,
  },
  {
    name: 'a word dropped inside a long quote',
    words: '火药味十足的中美阿拉斯加会谈上周五落幕后',
    edit: (t) => replace(t, '上周五', '周五'),
    lands: '火药味十足的中美阿拉斯加会谈周五落幕后',
    method: 'fuzzy',
  },
  { name: 'a quote rewritten beyond recognition', words: '中俄要在核心利益问题上相互坚定支持', edit: (t) => replace(t, '中俄要在核心利益问题上相互坚定支持', '两国将加强各领域务实合作'), lands: null },
  { name: 'half of a short quote changed', words: '桂林会晤', edit: (t) => replace(t, '桂林会晤', '北京会面'), lands: null },

  // A removed passage: the quote is gone, the highlight is an orphan, never other words.
  { name: 'its paragraph removed', words: '美国的盟友则对此表示担忧', edit: (t) => replace(t, `${P3}\n`, ''), lands: null },
  { name: 'its sentence cut', words: '不受国际风云变幻影响', edit: (t) => replace(t, '，不受国际风云变幻影响', ''), lands: null },
  { name: 'a short quote whose paragraph was removed, the same words standing elsewhere', words: '王毅', nth: 1, edit: (t) => replace(t, `\n${P4}`, ''), lands: null },
  { name: 'a short quote cut, the same words elsewhere in other context', words: '中俄', nth: 2, edit: (t) => replace(t, '美国的施压正在把中俄推得更近。', ''), lands: null },
  { name: 'the whole article replaced', words: '拉夫罗夫', edit: () => '完全不同的另一篇文章。\n讲的是天气。', lands: null },
  { name: 'an empty text', words: '拉夫罗夫', edit: () => '', lands: null },

  // White space and punctuation differences between copies (archive file and live page).
  { name: 'white space added inside the quote', words: '3月23日 - 火药味', edit: (t) => replace(t, '3月23日 - 火药味', '3月23日  -  火药味'), lands: '3月23日  -  火药味', method: 'quote' },
  { name: 'white space removed inside the quote', words: '3月23日 - 火药味', edit: (t) => replace(t, '3月23日 - 火药味', '3月23日-火药味'), lands: '3月23日-火药味', method: 'quote' },
  { name: 'a line break where there was a space', words: '综述：“守望相助” 中俄', edit: (t) => replace(t, '” 中俄', '”\n中俄'), lands: '综述：“守望相助”\n中俄', method: 'quote' },
  { name: 'full-width comma turned half-width', words: '王毅说，中俄关系', edit: (t) => replace(t, '王毅说，中俄关系', '王毅说,中俄关系'), lands: '王毅说,中俄关系', method: 'quote' },
  { name: 'half-width brackets turned full-width', words: '（完）', edit: (t) => replace(t, '（完）', '(完)'), lands: '(完)', method: 'quote' },
  {
    name: 'Chinese quotation marks turned corner brackets',
    words: '“守望相助”的关系',
    edit: (t) => replace(t, '“守望相助”的关系', '「守望相助」的关系'),
    lands: '「守望相助」的关系',
    method: 'quote',
  },
  { name: 'full-width digits', words: '3月23日', edit: (t) => replace(t, '3月23日', '３月２３日'), lands: '３月２３日', method: 'quote' },

  // Repeated words: context picks the right one.
  { name: 'a repeated phrase, the one whose context matches', words: '中俄', nth: 1, edit: (t) => replace(t, P1, `插入。\n${P1}`), lands: '中俄', landsNth: 1, method: 'quote' },
  { name: 'a repeated phrase, the other one', words: '中俄', nth: 3, edit: (t) => replace(t, P1, `插入。\n${P1}`), lands: '中俄', landsNth: 3, method: 'quote' },
  { name: 'two highlights of the same words, both after an edit', words: '拉夫罗夫', nth: 1, edit: (t) => replace(t, '路透北京', '路透社北京'), lands: '拉夫罗夫', landsNth: 1, method: 'quote' },

  // The position alone is never trusted when its words changed.
  { name: 'the old position now holds other words of the same length', words: '王毅与拉夫罗夫', edit: (t) => replace(t, '王毅与拉夫罗夫', '两国外长会谈'), lands: null },
  { name: 'a position beyond the end of a shortened text, the quote still there', words: '（完）', edit: (t) => replace(t, `${P3}\n`, ''), lands: '（完）', method: 'quote' },
];

describe('anchorQuote', () => {
  it('has more than 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)('$name', ({ words, nth = 0, edit, lands, landsNth = 0, method }) => {
    const edited = edit(ARTICLE);
    const result = land(ARTICLE, words, edited, nth);
    if (lands === null) {
      expect(result).toBeNull();
      return;
    }
    expect(result?.words).toBe(lands);
    // The right occurrence: the landing place is where the expected words stand, counted from the start.
    let at = -1;
    for (let i = 0; i <= landsNth; i++) at = edited.indexOf(lands, at + 1);
    expect(result?.start).toBe(at);
    if (method) expect(result?.method).toBe(method);
  });

  it('places the same with a Matcher of its own, or a LastTextMatcher of its own, as through the shared one', () => {
    const edited = replace(ARTICLE, P1, `（新增更多分析师评论）\n${P1}`);
    const matcher = new Matcher(edited);
    const mine = new LastTextMatcher();
    for (const [words, nth] of [
      ['相互坚定支持', 0],
      ['中俄', 3],
      ['美国的', 1],
    ] as const) {
      const { position, quote } = highlight(ARTICLE, words, nth);
      const shared = anchorQuote(edited, quote, position);
      expect(shared).not.toBeNull();
      expect(matcher.anchor(quote, position)).toEqual(shared);
      expect(anchorQuote(edited, quote, position, mine)).toEqual(shared);
      expect(mine.for(edited)).toBe(mine.for(edited));
    }
  });

  it('gives no anchor for an empty quote', () => {
    expect(anchorQuote(ARTICLE, { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' })).toBeNull();
  });
});
