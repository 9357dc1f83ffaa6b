/**
 * Cleaned text that remembers where it came from in the DOM, as runs of characters (not an entry
 * per character). Offsets are UTF-16 code units, as JavaScript strings count them.
 */

/**
 * The text's units [start, end) came from a text node's data [nodeStart, nodeEnd). Equal lengths:
 * unit for unit. Unequal (an NFC composition, a + U+0300 read as à): one indivisible piece.
 */
export interface TextRun<N> {
  start: number;
  end: number;
  node: N;
  nodeStart: number;
  nodeEnd: number;
  /** The run follows the one before it in the DOM with nothing but white space between. */
  joined: boolean;
}

/** Runs are empty where no map was asked for (the parse command) or for made-up text. */
export interface MappedText<N> {
  readonly text: string;
  readonly runs: readonly TextRun<N>[];
}

export function unmapped<N>(text: string): MappedText<N> {
  return { text, runs: [] };
}

export const isUnitForUnit = (run: TextRun<unknown>) => run.end - run.start === run.nodeEnd - run.nodeStart;

/** The units [start, end) of the text, with their runs clipped to it. */
export function sliceMapped<N>(mapped: MappedText<N>, start: number, end: number): MappedText<N> {
  const runs: TextRun<N>[] = [];
  for (const run of mapped.runs) {
    if (run.end <= start || run.start >= end) continue;
    const from = Math.max(run.start, start);
    const to = Math.min(run.end, end);
    if (from >= to) continue;
    const exact = isUnitForUnit(run);
    runs.push({
      start: from - start,
      end: to - start,
      node: run.node,
      nodeStart: exact ? run.nodeStart + (from - run.start) : run.nodeStart,
      nodeEnd: exact ? run.nodeStart + (to - run.start) : run.nodeEnd,
      // Cut out of the middle of a run, it still continues the part before it.
      joined: run.joined || from > run.start,
    });
  }
  return { text: mapped.text.slice(start, end), runs };
}

/** Texts one after another with `separator` (made-up text, unmapped) between them. */
export function joinMapped<N>(parts: readonly MappedText<N>[], separator: string): MappedText<N> {
  let text = '';
  const runs: TextRun<N>[] = [];
  parts.forEach((part, index) => {
    if (index > 0) text += separator;
    const offset = text.length;
    part.runs.forEach((run, k) => {
      runs.push({ ...run, start: run.start + offset, end: run.end + offset, joined: k === 0 ? false : run.joined });
    });
    text += part.text;
  });
  return { text, runs };
}

/**
 * The text without the given [start, end) ranges (sorted, not overlapping): markup such as
 * Reuters' `**` that reads as text in the DOM but is not the article's. Where non-space text was
 * cut, the runs on either side are no longer joined: a DOM range over them would read the cut text.
 */
export function cutMapped<N>(mapped: MappedText<N>, cuts: readonly [number, number][]): MappedText<N> {
  if (!cuts.length) return mapped;
  const kept: MappedText<N>[] = [];
  const cutWasSpace: boolean[] = [];
  let at = 0;
  for (const [start, end] of cuts) {
    kept.push(sliceMapped(mapped, at, start));
    cutWasSpace.push(!mapped.text.slice(start, end).trim());
    at = end;
  }
  kept.push(sliceMapped(mapped, at, mapped.text.length));
  const joined = joinMapped(kept, '');
  // joinMapped breaks every junction; mend the ones where only white space was cut.
  let offset = 0;
  kept.forEach((part, index) => {
    if (index > 0 && cutWasSpace[index - 1] && part.runs.length) {
      const first = joined.runs.find((run) => run.start === offset + part.runs[0].start);
      if (first) first.joined = part.runs[0].joined;
    }
    offset += part.text.length;
  });
  return joined;
}
