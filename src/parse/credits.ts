import { type MappedText, sliceMapped } from '../text/mapped-text';

/**
 * Credit lines, one pattern for each kind, so that every place that asks "is this a credit?"
 * answers the same.
 */

/**
 * A photo credit: it names who took or supplied a picture rather than describing it. A label must be
 * followed by its separator ("摄影展在北京开幕" and "Photo shows the flood" are captions; "Credit..." is
 * NYT's separator); "©" needs none.
 */
export const PHOTO_CREDIT = /^(?:(?:图像来源|图片来源|圖片來源|圖像來源|图片提供|圖片提供|攝影|摄影)\s*[:：，,/]|©|(?:Image source|Photo(?:graph)?|Credit)\s*(?:[:：,]|\.\.\.|by\b))\s*/iu;

/** NYT's caption layout: "caption Credit...credit". */
export const CREDIT_SEPARATOR = /\s*Credit\.\.\.\s*/;

/** A name as bylines write it: two to four Han characters (with ·), or Latin words. */
const NAME = String.raw`(?:[\p{Script=Han}·]{2,4}|[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,3})`;
const LABEL = '(?:整理|编译|撰稿|记者|記者|采写|采访|责编|責編|编辑|編輯|文)';

/**
 * A line that names the writer or editor rather than telling the story: "整理 李爽", "编译：王兴亮",
 * "记者：柳飞　责编：何平". The label is followed by a name, not by a sentence ("记者：谢谢您接受采访。").
 */
export const BYLINE_CREDIT = new RegExp(`^${LABEL}(?:\\s*[:：]\\s*|\\s+)${NAME}(?=$|[\\s、，,/;；]).{0,60}$`, 'u');

/** RFA's closing credit in its other forms: "自由亚洲电台记者吕熙伦敦报道 责编：嘉远", "记者 陈妙玲 责编 胡力汉". */
export const RFA_CREDIT = /^(?:自由亚洲电台|自由亞洲電台)?(?:记者|記者).{1,40}(?:责编|責編|网编|網編)/;

/** A name in a credit line: two to four Han characters, a transliterated name with its dots ("哲尔吉·康拉德"), Latin words. */
const CREDIT_NAME = String.raw`(?:\p{Script=Han}{2,4}|\p{Script=Han}+·[\p{Script=Han}·]+|[A-Z][A-Za-z.' -]+)`;

/**
 * A credit line of any kind that heads a text: the writer's or the translator's, names only ("文/张鸣",
 * "译/徐芳园", "文/张三、李四"), or the book it is taken from ("节选自/《客居己乡》"). "作者：这是我们的选择"
 * (a sentence) and "作者：张三（北京大学教授）" (more than names) are the text's.
 */
export const HEADING_CREDIT = new RegExp(
  String.raw`^(?:(?:文|作者|译|譯|译者|譯者|翻译|翻譯|编译|編譯)\s*[/／|｜:：]\s*${CREDIT_NAME}(?:\s*[、，,/]\s*${CREDIT_NAME}){0,3}|(?:节选自|節選自|摘自)\s*[/／|｜:：]\s*《[^》]{1,30}》)$`,
  'u',
);

/** The writer's names of a heading credit: what follows "文/" or "作者：". */
export const WRITER_CREDIT = /^(?:文|作者)\s*[/／|｜:：]\s*(.+)$/;

/** A translator's line: "译者/何黎", "翻译：晋其角". */
export const TRANSLATOR = /^(?:译者|譯者|翻译|翻譯)\s*[/／:：]\s*(\S.{0,20})$/;

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
