import { describe, expect, it } from 'vitest';
import { unmapped } from '../text/mapped-text';
import { BYLINE_CREDIT, PHOTO_CREDIT, splitCaptionCredit, withoutCaptionLabel, withoutCreditLabel } from './credits';

describe('PHOTO_CREDIT', () => {
  it('knows a credit line by its label, Latin labels as whole words only', () => {
    for (const line of ['图像来源，Getty Images', '图片来源：法新社', 'Photo: AP', 'Photograph by X', 'Credit...Reuters', '© 2020 AFP', 'Image source, EPA']) {
      expect(PHOTO_CREDIT.test(line)).toBe(true);
    }
    for (const line of [
      'Photos show the flood',
      'Photo shows the flooded street',
      'Credit card debt rises in China',
      'Photographers gathered',
      'Creditors met on Monday',
      '摄影展在北京开幕，观众排队入场',
      '洪水的照片',
    ]) {
      expect(PHOTO_CREDIT.test(line)).toBe(false);
    }
  });
});

describe('BYLINE_CREDIT', () => {
  it("knows a writer's credit line, not a sentence that starts with the same word", () => {
    expect(BYLINE_CREDIT.test('整理 李爽')).toBe(true);
    expect(BYLINE_CREDIT.test('编译：王兴亮')).toBe(true);
    expect(BYLINE_CREDIT.test('记者：柳飞 责编：何平')).toBe(true);
    expect(BYLINE_CREDIT.test('记者：文海欣、郑日尧 责编：胡力汉')).toBe(true);
    expect(BYLINE_CREDIT.test('记者会上，外交部发言人表示')).toBe(false);
    expect(BYLINE_CREDIT.test('文化部长说')).toBe(false);
    expect(BYLINE_CREDIT.test('记者：谢谢您接受采访。')).toBe(false);
    expect(BYLINE_CREDIT.test('编辑 部的同事们都认为这件事很重要')).toBe(false);
  });
});

describe('captions and credits', () => {
  const m = (text: string) => unmapped<never>(text);
  it('splits a bracketed credit off the end of a caption', () => {
    const split = splitCaptionCredit(m('在北京，最高人民法院的法庭上。（法新社图片）'));
    expect([split.caption.text, split.credit?.text]).toEqual(['在北京，最高人民法院的法庭上。', '法新社图片']);
    expect(splitCaptionCredit(m('马里兰大学孔子学院的照片（马里兰大学孔子学院官网）')).credit).toBeNull();
    expect(splitCaptionCredit(m('（法新社图片）')).credit).toBeNull();
  });
  it('drops archive labels before a caption and credit labels before a credit, keeping ©', () => {
    expect(withoutCaptionLabel(m('RFI Image Archive / Le Soudan du Sud.')).text).toBe('Le Soudan du Sud.');
    expect(withoutCreditLabel(m('图像来源，Getty Images')).text).toBe('Getty Images');
    expect(withoutCreditLabel(m('© EACRF / RFI')).text).toBe('© EACRF / RFI');
  });
});
