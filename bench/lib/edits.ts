import { between, rng } from './rng';

export interface EditedText {
  text: string;
  /** Where each unit of the original text stands in the edited text; -1 where it was deleted. */
  moved: Int32Array;
  edits: { substitutions: number; insertions: number; deletions: number };
}

const editable = (unit: string) => unit !== '\n' && !/[\ud800-\udfff]/.test(unit);

/**
 * Edits `share` of the text's characters at seeded random places, a third each substituted, inserted
 * and deleted, never a line break (blocks stay blocks) nor half of a surrogate pair. New characters are
 * drawn from the text itself, so an edit reads like a reworded Chinese sentence, not noise. Every
 * original unit is tracked to its new offset: that is where its highlight ought to be found.
 */
export function editText(original: string, share: number, seed: number): EditedText {
  const random = rng(seed);
  const units = original.split('');
  const origin = units.map((_, i) => i);
  const pool = units.filter(editable);
  const edits = { substitutions: 0, insertions: 0, deletions: 0 };
  const total = Math.round(original.length * share);
  for (let done = 0; done < total; ) {
    const at = between(random, 0, units.length - 1);
    if (!editable(units[at])) continue;
    const kind = between(random, 0, 2);
    const fresh = pool[between(random, 0, pool.length - 1)];
    if (kind === 0) {
      // The unit keeps its place (and its origin): a word changed in place.
      units[at] = fresh;
      edits.substitutions++;
    } else if (kind === 1) {
      units.splice(at, 0, fresh);
      origin.splice(at, 0, -1);
      edits.insertions++;
    } else {
      units.splice(at, 1);
      origin.splice(at, 1);
      edits.deletions++;
    }
    done++;
  }
  const moved = new Int32Array(original.length).fill(-1);
  origin.forEach((from, to) => {
    if (from >= 0) moved[from] = to;
  });
  return { text: units.join(''), moved, edits };
}

/**
 * The text without the blocks (lines) that hold the given offsets: paragraphs a later version of the
 * story cut. Every other unit is tracked to its new offset, as `editText` does.
 */
export function cutBlocks(original: string, offsets: number[]): EditedText {
  const starts = [0];
  for (let i = original.indexOf('\n'); i >= 0; i = original.indexOf('\n', i + 1)) starts.push(i + 1);
  const blockOf = (offset: number) => starts.findLastIndex((start) => start <= offset);
  // The title (block 0) stays: a story keeps its headline.
  const cut = new Set(offsets.map(blockOf).filter((block) => block > 0));
  const moved = new Int32Array(original.length).fill(-1);
  let text = '';
  starts.forEach((start, block) => {
    const end = block + 1 < starts.length ? starts[block + 1] : original.length;
    if (cut.has(block)) return;
    for (let i = start; i < end; i++) moved[i] = text.length + i - start;
    text += original.slice(start, end);
  });
  return { text, moved, edits: { substitutions: 0, insertions: 0, deletions: original.length - text.length } };
}

/** Where the original range [start, end) went: from its first surviving unit to its last; null if every unit was deleted. */
export function mapRange(moved: Int32Array, start: number, end: number): { start: number; end: number } | null {
  let first = -1;
  let last = -1;
  for (let i = start; i < end; i++) {
    if (moved[i] < 0) continue;
    if (first < 0) first = moved[i];
    last = moved[i];
  }
  return first < 0 ? null : { start: first, end: last + 1 };
}
