// Source rules' clean-up returns what it found (blocks and byline) and leaves what it was given alone.
import { describe, expect, it } from 'vitest';
import { unmapped } from '../../text/mapped-text';
import type { DraftBlock } from '../walk/draft-block';
import { SOURCE_RULES } from '.';
import { commonFinish } from './common';

const paragraphs = (...texts: string[]): DraftBlock<never>[] => texts.map((text) => ({ type: 'paragraph', text: unmapped<never>(text) }));
const texts = (blocks: DraftBlock<never>[]) => blocks.map((b) => (b.type === 'image' ? 'img' : b.text.text));

describe('finish', () => {
  it('gives a closing credit line as the byline, without changing the blocks it was given (RFA)', () => {
    const given = paragraphs('正文。', '记者：乔琴恩　责编：何平');
    const before = texts(given);
    const found = SOURCE_RULES.rfa.finish(given, null);
    expect(found).toEqual({ blocks: given.slice(0, 1), byline: '记者：乔琴恩　责编：何平' });
    expect(texts(given)).toEqual(before);
  });

  it('keeps a byline already read over a credit line, and returns it', () => {
    expect(SOURCE_RULES.rfa.finish(paragraphs('正文。', '记者：乔琴恩'), '前言作者').byline).toBe('前言作者');
  });

  it('adds the translator to the byline it was given (FT)', () => {
    const found = SOURCE_RULES.ft.finish(paragraphs('正文。', '译者/何黎'), '作者甲');
    expect(found).toEqual({ blocks: paragraphs('正文。'), byline: '作者甲（译者：何黎）' });
  });

  it('cleans the prelude byline it was given (DW)', () => {
    expect(SOURCE_RULES.dw.finish(paragraphs('正文。'), 'null 林双')).toEqual({ blocks: paragraphs('正文。'), byline: '林双' });
  });

  it('returns the byline unchanged where the source has nothing to add', () => {
    expect(SOURCE_RULES.reuters.finish(paragraphs('正文。（完）'), '路透记者').byline).toBe('路透记者');
    expect(commonFinish(paragraphs('正文。'), null)).toEqual({ blocks: paragraphs('正文。'), byline: null });
  });
});
