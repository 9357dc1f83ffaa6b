import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** A delete the reader can still take back: what was deleted, and how to bring it back. */
export interface Undoable {
  quote: string;
  run(): Promise<void>;
}

/** Deletes this close to the one before are one act (a double click on ×, the row below having slid under the pointer). */
const ONE_ACT_MS = 1500;

/**
 * The deletes offered for undoing, for `seconds` after the last: `offer` adds one and starts the
 * timer afresh; deletes in quick succession are taken back together, while a delete that comes later
 * is offered alone (the earlier ones stay deleted). `take` hands them over once and withdraws the
 * offer. The timer is cleared on unmount.
 */
export function useUndo(seconds: number) {
  const [offered, setOffered] = useState<Undoable[]>([]);
  const timer = useRef(0);
  const last = useRef(0);

  const withdraw = useCallback(() => {
    clearTimeout(timer.current);
    setOffered([]);
  }, []);

  const offer = useCallback(
    (undoable: Undoable) => {
      clearTimeout(timer.current);
      const now = Date.now();
      const sameAct = now - last.current < ONE_ACT_MS;
      last.current = now;
      setOffered((old) => (sameAct ? [...old, undoable] : [undoable]));
      timer.current = window.setTimeout(() => setOffered([]), seconds * 1000);
    },
    [seconds],
  );

  const take = useCallback((): Undoable[] => {
    const taken = offered;
    withdraw();
    return taken;
  }, [offered, withdraw]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return { offered, offer, take };
}
