import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanTracked } from './clean-text';
import { TextAccumulator, toRuns } from './text-accumulator';

type Step = { kind: 'text'; data: string } | { kind: 'made-up'; data: string } | { kind: 'gap' };

/** What `take` answers, worked out unit by unit: the way every text took before plain text had its own. */
function unitByUnit(steps: Step[]) {
  let raw = '';
  const pieces: { rawStart: number; node: number | null; gap: boolean }[] = [];
  for (const [node, step] of steps.entries()) {
    if (step.kind === 'gap') {
      if (raw) pieces.push({ rawStart: raw.length, node: null, gap: true });
    } else if (step.data || step.kind === 'made-up') {
      pieces.push({ rawStart: raw.length, node: step.kind === 'text' ? node : null, gap: false });
      raw += step.data;
    }
  }
  if (!raw) return { text: '', runs: [] };
  const tracked = cleanTracked(raw);
  return { text: tracked.text, runs: toRuns(tracked.text, tracked.from, tracked.to, raw.length, pieces) };
}

function take(steps: Step[]) {
  const text = new TextAccumulator<number>(true);
  for (const [node, step] of steps.entries()) {
    if (step.kind === 'text') text.addText(node, step.data);
    else if (step.kind === 'made-up') text.addMadeUp(step.data);
    else text.addGap();
  }
  return text.take();
}

/** Plain characters mostly (Chinese, ASCII), and now and then what cleaning changes. */
const data = fc.array(fc.constantFrom('中', '文', 'a', 'B', ' ', '，', '\u3000', '\n', 'e\u0301', '\u200b'), { maxLength: 12 }).map((chars) => chars.join(''));
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: data.map((text) => ({ kind: 'text' as const, data: text })) },
  { weight: 1, arbitrary: fc.constantFrom(' ', '\n', '').map((text) => ({ kind: 'made-up' as const, data: text })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'gap' as const }) },
);

describe('TextAccumulator.take', () => {
  it('gives one run per text node for plain text, joined after the first', () => {
    expect(
      take([
        { kind: 'text', data: '路透北京' },
        { kind: 'text', data: '3月23日' },
      ]),
    ).toEqual({
      text: '路透北京3月23日',
      runs: [
        { start: 0, end: 4, node: 0, nodeStart: 0, nodeEnd: 4, joined: false },
        { start: 4, end: 9, node: 1, nodeStart: 0, nodeEnd: 5, joined: true },
      ],
    });
  });

  it('answers what the unit-by-unit way answers, for any text, made-up text and gaps', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 8 }), (steps) => {
        expect(take(steps)).toEqual(unitByUnit(steps));
      }),
      { numRuns: 2_000 },
    );
  });

  it('answers what the unit-by-unit way answers for plain text in text nodes only (the way the reader view is read)', () => {
    const plain = fc.array(fc.constantFrom('中', '文', 'a', 'B', '，', '1'), { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(
        fc.array(
          plain.map((text) => ({ kind: 'text' as const, data: text })),
          { minLength: 1, maxLength: 8 },
        ),
        (steps) => {
          expect(take(steps)).toEqual(unitByUnit(steps));
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
