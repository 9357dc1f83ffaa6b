// News repeats itself: the same figure for another quarter, the headline echoing the lead. A highlight
// whose own words are gone must not settle on such a sentence, and one whose words moved must follow them.
import { describe, expect, it } from 'vitest';
import { anchorQuote } from './anchor';
import { describeRange } from './selectors';

const title = '中国经济数据综述';
const p0 = '路透北京4月16日 - 中国经济在疫情后持续恢复，但分析师认为复苏基础仍不牢固。';
const filler = Array.from({ length: 30 }, (_, i) => `分析人士第${i}次指出，外部需求强劲、出口大幅增加以及政策支持力度不减，都为经济复苏提供了动力。`).join('\n');

function highlight(text: string, exact: string, from = 0) {
  const at = text.indexOf(exact, from);
  return describeRange(text, at, at + exact.length);
}

describe('anchoring among similar sentences', () => {
  it("a short quote whose sentence was cut is an orphan, not the next quarter's figure", () => {
    const q1 = '国家统计局局长宁吉喆周五在北京举行的新闻发布会上表示，一季度国内生产总值同比增长18.3%，增速创有季度记录以来最高。';
    const q2 = '国家统计局局长宁吉喆周四在北京举行的新闻发布会上表示，二季度国内生产总值同比增长7.9%，增速创有季度记录以来次高。';
    const mid = '他还表示，消费需求逐步回暖，制造业投资继续改善，就业形势总体稳定，物价水平温和上涨。';
    const before = [title, p0, q1, mid, q2, '（完）'].join('\n');
    const { position, quote } = highlight(before, '同比增长');
    expect(anchorQuote([title, p0, mid, q2, '（完）'].join('\n'), quote, position)).toBeNull();
  });

  const q1 = '国家统计局周五公布，一季度国内生产总值同比增长18.3%，增速创有季度记录以来最高，主要受低基数影响。';
  const q2 = '国家统计局周四公布，二季度国内生产总值同比增长7.9%，增速创有季度记录以来次高，主要受低基数影响。';
  const before = [title, p0, q1, q2, filler].join('\n');
  const exact = '一季度国内生产总值同比增长18.3%，增速创有季度记录以来最高';

  it('a long quote whose sentence moved far and was reworded follows it, past a similar sentence nearby', () => {
    const moved = q1.replace('有季度记录', '有记录');
    const after = [title, p0, q2, filler, moved].join('\n');
    const { position, quote } = highlight(before, exact);
    const found = anchorQuote(after, quote, position);
    expect(found && after.slice(found.start, found.end)).toBe('一季度国内生产总值同比增长18.3%，增速创有记录以来最高');
  });

  it('a long quote whose sentence was cut is an orphan, not a sentence that differs in a fifth of it', () => {
    const { position, quote } = highlight(before, exact);
    expect(anchorQuote([title, p0, q2, filler].join('\n'), quote, position)).toBeNull();
  });

  it('a quote found exactly once, but in other words around it, is weighed like any other', () => {
    const headline = '王毅：中俄在核心利益问题上，做彼此坚强后盾';
    const lead = (comma: string) => `路透北京3月23日 - 中国外交部长王毅周二表示，中俄在核心利益问题上${comma}做彼此坚强后盾，并批评西方制裁。`;
    const text = [headline, lead('，'), '（完）'].join('\n');
    const { position, quote } = highlight(text, '中俄在核心利益问题上，做彼此坚强后盾', headline.length);
    // Another copy writes the lead's comma half-width: the quote as written is now only in the headline.
    const copy = [headline, lead(', '), '（完）'].join('\n');
    const found = anchorQuote(copy, quote, { ...position, start: position.start + 5, end: position.end + 5 });
    expect(found!.start).toBeGreaterThan(headline.length);
  });
});
