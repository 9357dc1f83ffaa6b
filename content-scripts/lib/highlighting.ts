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
type Shared = { [KEY]?: StartHighlighting };

/** Called by the highlighting bundle as it runs. */
export function provideHighlighting(start: StartHighlighting): void {
  (globalThis as Shared)[KEY] = start;
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
