import { cleanText, cleanTracked, isPlain } from './clean-text';
import type { MappedText, TextRun } from './mapped-text';

/** A stretch of the raw text: a text node's data, made-up text (a line break), or a gap. */
interface Piece<N> {
  rawStart: number;
  node: N | null;
  /** Content was skipped here (a hidden span, an ad slot): text on either side is not contiguous in the DOM. */
  gap: boolean;
}

/**
 * Collects a block's raw text as the walk meets it and, when asked to, where each stretch came
 * from. `take` cleans it (clean-text.ts) and turns the record into runs of the cleaned text.
 */
export class TextAccumulator<N> {
  private raw = '';
  private pieces: Piece<N>[] = [];

  constructor(private readonly track: boolean) {}

  addText(node: N, data: string): void {
    if (!data) return;
    if (this.track) this.pieces.push({ rawStart: this.raw.length, node, gap: false });
    this.raw += data;
  }

  /** Text that stands for markup: the space or line break of a `<br>`. */
  addMadeUp(text: string): void {
    if (this.track) this.pieces.push({ rawStart: this.raw.length, node: null, gap: false });
    this.raw += text;
  }

  addGap(): void {
    if (this.track && this.raw) this.pieces.push({ rawStart: this.raw.length, node: null, gap: true });
  }

  /** True when nothing at all has been read since the last `take`. */
  isEmpty(): boolean {
    return !this.raw;
  }

  /** True when nothing but white space has been read since the last `take`. */
  isBlank(): boolean {
    return !/\S/.test(this.raw);
  }

  /** The cleaned text read so far, with its runs; starts afresh. */
  take(): MappedText<N> {
    const raw = this.raw;
    const pieces = this.pieces;
    this.raw = '';
    this.pieces = [];
    // Nothing read since the last take (an empty caption, say): nothing to clean.
    if (!raw) return { text: '', runs: [] };
    if (!this.track) return { text: cleanText(raw), runs: [] };
    // Plain text read from text nodes only (the reader view's, nearly every block): one run per node,
    // without the loop per character, which a page runs in V8's interpreter (≈ 2 ms an article).
    if (isPlain(raw) && pieces.every((piece) => piece.node !== null && !piece.gap)) return { text: raw, runs: nodeRuns(pieces, raw.length) };
    const tracked = cleanTracked(raw);
    return { text: tracked.text, runs: toRuns(tracked.text, tracked.from, tracked.to, raw.length, pieces) };
  }
}

/** The runs `toRuns` makes of plain text whose pieces are all text nodes: each node's text one run, joined to the one before. */
function nodeRuns<N>(pieces: Piece<N>[], rawLength: number): TextRun<N>[] {
  return pieces.map((piece, k) => {
    const end = k + 1 < pieces.length ? pieces[k + 1]!.rawStart : rawLength;
    return { start: piece.rawStart, end, node: piece.node as N, nodeStart: 0, nodeEnd: end - piece.rawStart, joined: k > 0 };
  });
}

/** The runs of cleaned text, unit by unit (`from` and `to`: each unit's raw units, clean-text.ts). Exported for its test, which holds `nodeRuns` to it. */
export function toRuns<N>(text: string, from: Int32Array, to: Int32Array, rawLength: number, pieces: Piece<N>[]): TextRun<N>[] {
  const runs: TextRun<N>[] = [];
  let p = -1;
  let broken = false;
  for (let i = 0; i < text.length; i++) {
    // Advance to the piece holding this unit, noting any gap passed on the way.
    while (p + 1 < pieces.length && pieces[p + 1].rawStart <= from[i]) {
      p++;
      if (pieces[p].gap) broken = true;
    }
    const piece = pieces[p];
    if (!piece || piece.node === null) {
      // Made-up text in the cleaned text (a <br>'s space) has no DOM text: a range over it would read differently.
      broken = true;
      continue;
    }
    const pieceEnd = p + 1 < pieces.length ? pieces[p + 1].rawStart : rawLength;
    const nodeStart = from[i] - piece.rawStart;
    const nodeEnd = Math.min(to[i], pieceEnd) - piece.rawStart;
    const last = runs.at(-1);
    const single = nodeEnd - nodeStart === 1;
    // Units that NFC made of one span of the DOM (a letter with two accents) form one indivisible run.
    if (last && !broken && last.node === piece.node && last.end === i && last.nodeStart === nodeStart && last.nodeEnd === nodeEnd && !single) {
      last.end = i + 1;
    } else if (last && !broken && single && last.node === piece.node && last.end === i && last.nodeEnd === nodeStart && last.end - last.start === last.nodeEnd - last.nodeStart) {
      last.end = i + 1;
      last.nodeEnd = nodeEnd;
    } else {
      runs.push({ start: i, end: i + 1, node: piece.node, nodeStart, nodeEnd, joined: !!last && !broken });
    }
    broken = false;
  }
  return runs;
}
