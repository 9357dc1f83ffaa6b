import type { DraftBlock } from '../walk/draft-block';
import { TRANSLATOR } from '../credits';
import { hasClass } from '../../dom/dom-adapter';
import { baseRules, commonSkip, dropParagraphs } from './common';
import type { Finished, SourceRules } from './source-rules';

/**
 * The standfirst of an opinion piece names its writer: "库柏：除非你是…", "罗志恒、方堃：…". A news
 * standfirst opens the same way with a speaker ("拜登：…"): the name counts only where the piece
 * carries an author's note ("（注：作者是…）", "本文仅代表作者个人观点").
 */
const STANDFIRST_AUTHOR = /^(?!编者按|导语|摘要)([\p{Script=Han}·・]{2,5}(?:[、，,][\p{Script=Han}·・]{2,5}){0,3})：/u;
const AUTHOR_NOTE = /^[（(]?注[:：].{0,10}作者|本文仅代表作者/;
/** The app promotion and the editor's address line: not the article. */
const FURNITURE = /^来自FT中文网的温馨提示|^本文编辑.{0,20}@|@FTChinese\.com\s*$/i;

function finish<N>(blocks: DraftBlock<N>[], prelude: string | null): Finished<N> {
  let byline = prelude;
  const out = dropParagraphs(blocks, FURNITURE);
  const lead = out.find((b) => b.type !== 'image');
  const hasAuthorNote = out.some((b) => b.type === 'paragraph' && AUTHOR_NOTE.test(b.text.text));
  const author = lead?.type === 'paragraph' && hasAuthorNote ? STANDFIRST_AUTHOR.exec(lead.text.text) : null;
  if (author) byline ??= author[1];
  const translatorAt = out.findLastIndex((b) => b.type === 'paragraph' && TRANSLATOR.test(b.text.text));
  if (translatorAt >= 0) {
    const name = TRANSLATOR.exec((out[translatorAt] as { text: { text: string } }).text.text)![1];
    byline = byline ? `${byline}（译者：${name}）` : `译者：${name}`;
    out.splice(translatorAt, 1);
  }
  return { blocks: out, byline };
}

/** The FT (FT中文网); its video player (a script that never runs here) is skipped with its caption. */
export const ftRules: SourceRules = {
  ...baseRules,
  skip: (dom, node, tree) => hasClass(dom, node, 'o-responsive-video-container') || commonSkip(dom, node, tree),
  finish,
};
