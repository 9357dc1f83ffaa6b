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
