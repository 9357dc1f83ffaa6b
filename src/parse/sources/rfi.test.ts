import { describe, expect, it } from 'vitest';
import { brief, parseFixture } from './archive-fixture';
import { rfiTitle } from './rfi';

const ARTICLE = 'https://www.rfi.fr/cn/国际/20230429-sample';

describe('rfi archive rules', () => {
  it('reads the Paris-time prelude in UTC and drops the "Array" artefact, the AFP copyright and the end mark', () => {
    const article = parseFixture(ARTICLE, '<div>29/04/2023 - 22:06</div>Array<p>正文。</p><p class="t-copyright">© 2020 AFP</p><p><strong>~. Fin .~</strong></p>');
    expect(article.publishedAt).toBe('2023-04-29T20:06:00.000Z');
    expect(brief(article)).toEqual(['p:正文。']);
  });

  it('takes the title without the site name, and without a programme name the address does not carry', () => {
    const old = new URL('http://www.rfi.fr//cn/contenu/20201012-民主党能否阻止特朗普提名大法官确认');
    expect(rfiTitle('伊布亡羊补牢 AC米兰踢和对手不至被追近 – 法国国际广播电台 - RFI', old)).toBe('伊布亡羊补牢 AC米兰踢和对手不至被追近');
    expect(rfiTitle('民主党能否阻止特朗普提名大法官确认 - 要闻分析', old)).toBe('民主党能否阻止特朗普提名大法官确认');
    expect(rfiTitle('法国 - 德国', new URL('https://www.rfi.fr/cn/法国-德国'))).toBe('法国 - 德国');
    // A column's folder names its programme: the article's own slug does not.
    const column = new URL('http://www.rfi.fr//cn/%E4%B8%93%E6%A0%8F%E6%A3%80%E7%B4%A2/%E5%9B%BD%E9%99%85%E7%BA%B5%E6%A8%AA/20201116-%E7%89%B9%E6%9C%97%E6%99%AE');
    expect(rfiTitle('特朗普撬动跨大西洋关系杠杆 欧洲寄望拜登是否过于天真？ - 国际纵横', column)).toBe('特朗普撬动跨大西洋关系杠杆 欧洲寄望拜登是否过于天真？');
  });

  it('reads a figure whose tags the feed glued together, caption without the archive label, credit apart', () => {
    const body =
      '<div>29/04/2023 - 22:06</div><p>前文。</p><a href="https://www.rfi.fr/fr/x"><figure><picture><sourcetype="image/webp"srcset="https://s.rfi.fr/media/display/a/b.webp"sizes=""/>' +
      '<imgsrc="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" alt="Image RFI - x" srcset="https://s.rfi.fr/media/display/a/b.jpg"sizes=""loading="lazy"/>' +
      '</picture><figcaption><span>RFI Image Archive / Le commandant démissionne.</span>   <span>© EACRF / RFI Image Archive</span></figcaption></figure></a><p>后文。</p>';
    const article = parseFixture(ARTICLE, body);
    expect(brief(article)).toEqual(['p:前文。', 'img:Le commandant démissionne.|© EACRF / RFI Image Archive', 'p:后文。']);
    expect(article.blocks[1]).toMatchObject({ src: 'https://s.rfi.fr/media/display/a/b.jpg' });
  });
});
