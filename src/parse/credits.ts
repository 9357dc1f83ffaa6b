import { type MappedText, sliceMapped } from '../text/mapped-text';

/**
 * Credit lines, one pattern for each kind, so that every place that asks "is this a credit?"
 * answers the same.
 */

/**
 * A photo credit: it names who took or supplied a picture rather than describing it. Latin words
 * need a word boundary ("Photos show the flood" is a caption); "Credit..." is NYT's separator.
 */
export const PHOTO_CREDIT = /^(?:图像来源|图片来源|圖片來源|圖像來源|图片提供|攝影|摄影|©|(?:Image source|Photo(?:graph)?|Credit)(?![\p{L}\p{N}]))\s*(?:\.\.\.|[:：，,])?/iu;

/** NYT's caption layout: "caption Credit...credit". */
export const CREDIT_SEPARATOR = /\s*Credit\.\.\.\s*/;

/** A line that names the writer or editor rather than telling the story: "记者：…", "整理 李爽", "编译：王兴亮". */
export const BYLINE_CREDIT = /^(?:整理|编译|撰稿|记者|記者|采写|采访|责编|責編|编辑|編輯|文)(?:\s*[:：]|\s+)\s*\S.{0,60}$/;

/** An archive's label before the caption proper (RFI): not the caption's words. */
const CAPTION_LABEL = /^(?:RFI Image Archive|Image RFI Archive|Archive RFI)\s*\/\s*/i;
/**
 * A credit in brackets at the end of a caption: "（法新社图片）", "(听证会视频截图)". Reuters' own
 * "…。REUTERS/Jason Lee" stays: it is how Reuters writes a caption, and the saved pages show it so.
 */
const TRAILING_CREDIT = /\s*[（(]([^（）()]{0,20}?(?:图片|圖片|截图|截圖|资料图|資料圖|资料照片|提供|供图|供圖|摄影?|攝影?)[^（）()]{0,20})[）)]\s*$/d;

/** A credit line without its label ("图像来源，Getty Images" is credited to Getty Images); "©" stays. */
export function withoutCreditLabel<N>(credit: MappedText<N>): MappedText<N> {
  const label = PHOTO_CREDIT.exec(credit.text);
  if (!label || label[0].startsWith('©') || label[0].length >= credit.text.length) return credit;
  return sliceMapped(credit, label[0].length, credit.text.length);
}

/** The caption without an archive's label before it ("RFI Image Archive / "). */
export function withoutCaptionLabel<N>(caption: MappedText<N>): MappedText<N> {
  const label = CAPTION_LABEL.exec(caption.text);
  return label ? sliceMapped(caption, label[0].length, caption.text.length) : caption;
}

/** A caption's words apart from the credit its text carries, each with its map. */
export function splitCaptionCredit<N>(words: MappedText<N>): { caption: MappedText<N>; credit: MappedText<N> | null } {
  const credit = TRAILING_CREDIT.exec(words.text);
  const group = credit?.indices?.[1];
  // A caption that is nothing but the credit keeps its words.
  if (!credit || !group || credit.index === 0) return { caption: words, credit: null };
  return { caption: sliceMapped(words, 0, credit.index), credit: sliceMapped(words, group[0], group[1]) };
}
