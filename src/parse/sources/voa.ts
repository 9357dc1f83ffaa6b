import { joinMapped } from '../../text/mapped-text';
import type { DraftBlock } from '../walk/draft-block';
import { baseRules, dropParagraphs, italicPrelude } from './common';
import type { SourceRules } from './source-rules';

/** VOA's dateline ("华盛顿 — ") stands as bare text before the first paragraph: it belongs to it. */
export function joinDateline<N>(blocks: DraftBlock<N>[]): DraftBlock<N>[] {
  const i = blocks.findIndex((b) => b.type !== 'image');
  const [first, second] = [blocks[i], blocks[i + 1]];
  if (first?.type === 'paragraph' && second?.type === 'paragraph' && first.text.text.length <= 20 && /[—–-]$/.test(first.text.text)) {
    return [...blocks.slice(0, i), { ...second, text: joinMapped([first.text, second.text], ' ') }, ...blocks.slice(i + 2)];
  }
  return blocks;
}

/** A programme's boilerplate: its schedule, the "=====" disclaimer, its playlist link. */
const PROGRAMME = /^={5,}|^.{0,12}每星期.{0,24}播出[，,]?敬[请請]收看。?$|^《[^》]{1,20}》YouTube播放列表/;

/** Voice of America (美国之音). */
export const voaRules: SourceRules = {
  ...baseRules,
  meta: (dom, root) => italicPrelude(dom, root, 'voa'),
  finish: (blocks, byline) => ({ blocks: joinDateline(dropParagraphs(blocks, PROGRAMME)), byline }),
};
