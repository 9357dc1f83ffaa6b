// Revisions as a live page makes them to an article already saved: an adverb inserted (持续, 进一步, 大幅),
// a figure corrected (3.5% to 3.7%), an attribution reworded (消息人士称 to 知情人士表示), a dateline
// added before the title. Each case says where the highlight must land, or that it must be an orphan.
import { describe, expect, it } from 'vitest';
import { anchorQuote } from './anchor';
import { describeRange, type TextQuoteSelector } from './selectors';

const TITLE = '中国央行下调存款准备金率 释放长期资金约1万亿元';
const P1 = '路透北京7月9日 - 中国人民银行周五宣布，下调金融机构存款准备金率0.5个百分点，释放长期资金约1万亿元，以支持实体经济。';
const P2 = '消息人士称，央行此举旨在降低银行资金成本，引导贷款利率下行。分析师预计，今年经济增速将达到3.5%左右。';
const P3 = '中国经济在疫情后稳步恢复，但分析师认为复苏基础仍不牢固，外部需求面临不确定性。';
const P4 = '央行表示，将保持流动性合理充裕，不搞大水漫灌。（完）';
const ARTICLE = [TITLE, P1, P2, P3, P4].join('\n');

const replace = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`no "${from}"`);
  return text.replace(from, to);
};

/** Where a highlight of the `nth` occurrence of `words` lands in `edited`: the words there, or null. */
function land(words: string, edited: string, nth = 0, original = ARTICLE) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = original.indexOf(words, at + 1);
  if (at < 0) throw new Error(`no "${words}"`);
  const { position, quote } = describeRange(original, at, at + words.length);
  const found = anchorQuote(edited, quote, position);
  return found && { words: edited.slice(found.start, found.end), start: found.start };
}

interface Case {
  name: string;
  words: string;
  edit: (text: string) => string;
  /** The words it must land on in the edited text (their first occurrence), or null for an orphan. */
  lands: string | null;
}

const CASES: Case[] = [
  // Adverbs inserted into short quotes, the text on both sides unchanged.
  { name: '持续 inserted into a 10-character quote', words: '经济在疫情后稳步恢复', edit: (t) => replace(t, '稳步恢复', '持续稳步恢复'), lands: '经济在疫情后持续稳步恢复' },
  { name: '进一步 inserted into a 10-character quote', words: '引导贷款利率下行。分析', edit: (t) => replace(t, '利率下行', '利率进一步下行'), lands: '引导贷款利率进一步下行。分析' },
  { name: '进一步 inserted inside a 10-character quote', words: '此举旨在降低银行资金', edit: (t) => replace(t, '旨在降低', '旨在进一步降低'), lands: '此举旨在进一步降低银行资金' },
  { name: '大量 inserted into an 8-character quote', words: '释放长期资金约1', edit: (t) => replace(t, '释放长期', '释放大量长期'), lands: '释放大量长期资金约1' },
  { name: '持续 inserted into a 14-character quote', words: '央行此举旨在降低银行资金成本', edit: (t) => replace(t, '旨在降低', '旨在持续降低'), lands: '央行此举旨在持续降低银行资金成本' },
  { name: '进一步 inserted into a 14-character quote', words: '央行此举旨在降低银行资金成本', edit: (t) => replace(t, '旨在降低', '旨在进一步降低'), lands: '央行此举旨在进一步降低银行资金成本' },
  {
    name: '大幅 inserted into a long quote',
    words: '宣布，下调金融机构存款准备金率0.5个百分点',
    edit: (t) => replace(t, '宣布，下调', '宣布，大幅下调'),
    lands: '宣布，大幅下调金融机构存款准备金率0.5个百分点',
  },
  {
    name: '大幅 inserted just before a long quote',
    words: '下调金融机构存款准备金率0.5个百分点',
    edit: (t) => replace(t, '，下调金融', '，大幅下调金融'),
    lands: '下调金融机构存款准备金率0.5个百分点',
  },

  // Figures corrected.
  { name: 'a figure corrected inside a short quote', words: '达到3.5%左右', edit: (t) => replace(t, '3.5%', '3.7%'), lands: '达到3.7%左右' },
  { name: 'a figure corrected inside a long quote', words: '分析师预计，今年经济增速将达到3.5%左右', edit: (t) => replace(t, '3.5%', '3.7%'), lands: '分析师预计，今年经济增速将达到3.7%左右' },
  { name: 'a figure corrected beside a quote', words: '释放长期资金', edit: (t) => replace(t, '0.5个百分点', '0.25个百分点'), lands: '释放长期资金' },
  { name: 'the figure alone, corrected, its sentence standing: the new figure', words: '3.5%', edit: (t) => replace(t, '3.5%', '3.7%'), lands: '3.7%' },
  { name: 'the figure alone, corrected, its sentence reworded: an orphan', words: '3.5%', edit: (t) => replace(t, '今年经济增速将达到3.5%左右', '全年增长目标为3.7%'), lands: null },

  // Attributions reworded.
  { name: 'an attribution reworded around a quote', words: '央行此举旨在降低银行资金成本', edit: (t) => replace(t, '消息人士称', '知情人士表示'), lands: '央行此举旨在降低银行资金成本' },
  { name: 'the attribution itself, reworded: an orphan', words: '消息人士称', edit: (t) => replace(t, '消息人士称', '知情人士表示'), lands: null },
  {
    name: 'an attribution inside a long quote, reworded (a fifth of it), its context standing',
    words: '消息人士称，央行此举旨在降低银行资金成本',
    edit: (t) => replace(t, '消息人士称', '知情人士表示'),
    lands: '知情人士表示，央行此举旨在降低银行资金成本',
  },
  {
    name: 'an attribution inside a long quote, reworded, and the next sentence too',
    words: '消息人士称，央行此举旨在降低银行资金成本',
    edit: (t) => replace(t, '消息人士称，央行此举旨在降低银行资金成本，引导贷款利率下行。分析师预计', '知情人士表示，央行此举旨在降低银行资金成本。经济学家认为'),
    lands: '知情人士表示，央行此举旨在降低银行资金成本',
  },
  {
    name: 'a long quote reworded beyond a fifth: an orphan',
    words: '消息人士称，央行此举旨在降低银行资金成本',
    edit: (t) => replace(t, '消息人士称，央行此举旨在降低银行资金成本', '知情人士表示，此举意在压低银行融资成本'),
    lands: null,
  },

  // A dateline before the title (the quote at the start of the text, an empty prefix).
  { name: 'a label put before the title, a quote at its start', words: '中国央行', edit: (t) => `快讯：${t}`, lands: '中国央行' },
  { name: 'a label before the title and a word of the suffix edited', words: '中国央行', edit: (t) => replace(`快讯：${t}`, '下调存款', '调降存款'), lands: '中国央行' },

  // Gone: never other words.
  { name: 'a short quote whose sentence was cut', words: '引导贷款利率下行', edit: (t) => replace(t, '引导贷款利率下行。', ''), lands: null },
  { name: 'a short quote whose words were rewritten, the sides kept', words: '稳步恢复', edit: (t) => replace(t, '稳步恢复', '有所反弹'), lands: null },
  { name: 'a 10-character quote whose words were half rewritten, the sides kept', words: '经济在疫情后稳步恢复', edit: (t) => replace(t, '疫情后稳步恢复', '年初以来明显反弹'), lands: null },
];

describe('anchoring on revised Reuters text', () => {
  it.each(CASES)('$name', ({ words, edit, lands }) => {
    const edited = edit(ARTICLE);
    const result = land(words, edited);
    if (lands === null) return expect(result).toBeNull();
    expect(result?.words).toBe(lands);
    expect(result?.start).toBe(edited.indexOf(lands));
  });
});

describe('a quote at the start of the text (empty prefix)', () => {
  it('"中俄" at the start, "快讯：" put before it and a word of its suffix edited, is placed', () => {
    const text = '中俄誓言在核心利益问题上做彼此坚强后盾\n路透北京3月23日 - 中国外长王毅表示，中俄要在核心利益问题上相互坚定支持。';
    const { position, quote } = describeRange(text, 0, 2);
    const edited = `快讯：${text.replace('誓言', '表示')}`;
    const found = anchorQuote(edited, quote, position);
    expect(found && [found.start, edited.slice(found.start, found.end)]).toEqual([3, '中俄']);
  });
});

describe('letter case', () => {
  it('breaks ties between candidates the match key reads alike', () => {
    const text = 'Notes\nTo annotate is to read closely.\nto annotate is to read closely.';
    const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact: 'to annotate', prefix: '', suffix: '' };
    const found = anchorQuote(text, quote);
    expect(found?.start).toBe(text.lastIndexOf('to annotate'));
    const upper = anchorQuote(text, { ...quote, exact: 'To annotate' });
    expect(upper?.start).toBe(text.indexOf('To annotate'));
  });

  it("reads the case of the context too: the prefix 'to ' is not 'To '", () => {
    const text = 'To annotate or not to annotate.';
    const found = anchorQuote(text, { type: 'TextQuoteSelector', exact: 'anno', prefix: 'to ', suffix: '' });
    expect(found?.start).toBe(22);
  });
});

describe('a selector without context (as other tools export it)', () => {
  const text = '中国经济数据综述\n国家统计局周五公布，一季度国内生产总值同比增长18.3%，增速创有季度记录以来最高。\n他还表示，消费需求逐步回暖。';
  const bare = (exact: string): TextQuoteSelector => ({ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' });

  it('is placed where its words stand whole', () => {
    const found = anchorQuote(text, bare('一季度国内生产总值同比增长18.3%'));
    expect(found && text.slice(found.start, found.end)).toBe('一季度国内生产总值同比增长18.3%');
  });

  it('is placed when changed by a tenth or less', () => {
    const found = anchorQuote(text, bare('一季度国内生产总值同比增长18.5%，增速创有季度记录以来最高'));
    expect(found && text.slice(found.start, found.end)).toBe('一季度国内生产总值同比增长18.3%，增速创有季度记录以来最高');
  });

  it('is not placed when changed by more than a tenth', () => {
    expect(anchorQuote(text, bare('二季度国内生产总值同比增长7.9%，增速创有季度'))).toBeNull();
    expect(anchorQuote(text, bare('消费需求逐渐回升'))).toBeNull();
  });
});
