import type { ArticleSource } from '../../model/article';
import { bbcRules } from './bbc';
import { cdtRules } from './cdt';
import { baseRules } from './common';
import { dwRules } from './dw';
import { ftRules } from './ft';
import { nytRules } from './nyt';
import { reutersRules } from './reuters';
import { rfaRules } from './rfa';
import { rfiRules } from './rfi';
import type { SourceRules } from './source-rules';
import { voaRules } from './voa';

export type { SourceRules } from './source-rules';

export const SOURCE_RULES: Record<ArticleSource, SourceRules> = {
  other: baseRules,
  reuters: reutersRules,
  nyt: nytRules,
  bbc: bbcRules,
  voa: voaRules,
  ft: ftRules,
  rfi: rfiRules,
  dw: dwRules,
  rfa: rfaRules,
  cdt: cdtRules,
};
