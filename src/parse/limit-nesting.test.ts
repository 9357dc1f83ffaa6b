import { describe, expect, it } from 'vitest';
import { limitNesting } from './limit-nesting';

describe('limitNesting', () => {
  it('leaves markup of ordinary depth exactly as it is', () => {
    const body = `<div><p>路透北京 - <b>加粗</b>，<a href="x">链接</a><br><img src="y"></p></div>`.repeat(300);
    expect(limitNesting(body, 5)).toBe(body);
  });

  it('drops tags opened past the limit with their closing tags, keeping every character of text', () => {
    const deep = `<p>开头，${'<b>'.repeat(2000)}加粗${'</b>'.repeat(2000)}。</p>${'<div>'.repeat(3000)}<p>深处</p>${'</div>'.repeat(3000)}<p>之后</p>`;
    const flat = limitNesting(deep, 100);
    // A run of one tag stops a little short of the limit; the paragraph inside it keeps its own tag.
    expect(flat).toBe(`<p>开头，${'<b>'.repeat(83)}加粗${'</b>'.repeat(83)}。</p>${'<div>'.repeat(84)}<p>深处</p>${'</div>'.repeat(84)}<p>之后</p>`);
  });

  it('leaves tags closed out of order, and void or self-closed tags, to the parser', () => {
    const odd = `${'<i>'.repeat(800)}<b>x</i></b>${'<br/>'.repeat(800)}`;
    const flat = limitNesting(odd, 400);
    expect(flat.match(/<i>/g)).toHaveLength(384);
    // The </i> closes one of the <i>s left out, so it goes too; the <b> inside is kept whole.
    expect(flat).toContain('<b>x</b>');
    expect(flat.match(/<br\/>/g)).toHaveLength(800);
  });

  it('counts the opening tags exactly before it skips its pass: one past the limit is still left out', () => {
    const text = '文字'.repeat(1000);
    const atLimit = `${'<b>'.repeat(384)}${text}${'</b>'.repeat(384)}`;
    expect(limitNesting(atLimit)).toBe(atLimit);
    const past = `${'<b>'.repeat(385)}${text}${'</b>'.repeat(385)}`;
    expect(limitNesting(past)).toBe(atLimit);
  });

  it('takes time in proportion to the length of the markup', () => {
    const deep = `${'<div>'.repeat(100_000)}<p>深处</p>${'</div>'.repeat(100_000)}`;
    expect(limitNesting(deep)).toContain('<p>深处</p>');
  }, 5000);
});
