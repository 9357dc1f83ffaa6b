import { describe, expect, it } from 'vitest';
import { parseArchive } from '../parse-archive';
import { brief } from './archive-fixture';

const parse = (body: string, epochMs = 1636549986000) => parseArchive(`<!--${epochMs}-->\n[标题](https://www.bbc.com/zhongwen/simp/world-1)\n------\n\n<main>${body}</main>`);

describe('bbc archive rules', () => {
  it('counts "N 分钟前" back from the archive time', () => {
    // Archived 2021-11-10T13:13:06Z, "19 分钟前".
    expect(parse('<time dateTime="2021-11-10">19 分钟前</time><p>正文。</p>').publishedAt).toBe('2021-11-10T12:54:06.000Z');
    expect(parse('<time dateTime="2021-11-10">1 小时前</time><p>正文。</p>').publishedAt).toBe('2021-11-10T12:13:06.000Z');
  });

  it('reads the 2024 layout\'s caption, and the credit without its hidden "图像来源，" label', () => {
    const body =
      '<p>正文。</p><div><div><picture><img src="https://ichef.bbci.co.uk/a.jpg" alt="星夜"/></picture><p role="text"><span>图像来源，</span><span>Corbis via Getty Images</span></p></div>' +
      '<p>1889年，梵高创作了《星夜》。</p></span></div><p>后文。</p>';
    expect(brief(parse(body))).toEqual(['p:正文。', 'img:1889年，梵高创作了《星夜》。|Corbis via Getty Images', 'p:后文。']);
  });

  it('leaves out rules and spacers drawn as images', () => {
    const body =
      '<p>正文。</p><img alt="Presentational grey line" src="https://ichef.bbci.co.uk/line.png"/><img alt="Transparent line" src="https://ichef.bbci.co.uk/t-nc.png" width="624" height="1"/><p>后文。</p>';
    expect(brief(parse(body))).toEqual(['p:正文。', 'p:后文。']);
  });
});
