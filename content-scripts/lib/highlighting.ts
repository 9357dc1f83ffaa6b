import type { HighlightSession, HighlightTarget } from '../highlights/session';
import { ask } from '../../lib/page-ask';

/**
 * The highlighting (toolbar, note editor's host, orphans, painter, anchoring) is a bundle of its own,
 * content-scripts/highlights.js, so that the page scripts that read the article stay small
 * (bench/README.md, page cost): the page script shows the article first, then asks the background to
 * run the bundle in its frame. Scripts of one extension share their world in a frame, so the bundle
 * hands its start over through a property of that world's global object, which the page cannot see.
 */
export type StartHighlighting = (target: HighlightTarget) => HighlightSession;

const KEY = 'pizhuStartHighlighting';
const ARRIVED = 'pizhuHighlightingArrived';
type Shared = { [KEY]?: StartHighlighting; [ARRIVED]?: () => void };

/** Called by the highlighting bundle as it runs. */
export function provideHighlighting(start: StartHighlighting): void {
  const shared = globalThis as Shared;
  shared[KEY] = start;
  shared[ARRIVED]?.();
}

/**
 * Settles as soon as the highlighting's bundle has run in this frame where it runs right behind the
 * page script (the manifest's or the background's one injection), or once the next task has come
 * without it: loadHighlighting then asks for it.
 */
export function highlightingRun(): Promise<void> {
  const shared = globalThis as Shared;
  if (shared[KEY]) return Promise.resolve();
  return new Promise<void>((done) => {
    shared[ARRIVED] = () => done();
    setTimeout(done);
  }).finally(() => delete shared[ARRIVED]);
}

let loading: Promise<StartHighlighting> | null = null;

/** The highlighting's start, its bundle run in this frame first if it has not run yet (once, however many ask). */
export function loadHighlighting(): Promise<StartHighlighting> {
  loading ??= (async () => {
    const shared = globalThis as Shared;
    if (!shared[KEY]) await ask({ type: 'load-highlighting' });
    const start = shared[KEY];
    if (!start) throw new Error('Pizhu: the highlighting did not start in this page');
    return start;
  })();
  // A failure is not kept: the next article shown asks again.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
