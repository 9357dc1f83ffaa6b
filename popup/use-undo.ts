import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** A delete the reader can still take back: what was deleted, and how to bring it back. */
export interface Undoable {
  quote: string;
  run(): Promise<void>;
}

/**
 * The last delete, offered for undoing for `seconds`: `offer` starts the timer afresh, `take`
 * hands over the undo once and withdraws the offer. The timer is cleared on unmount.
 */
export function useUndo(seconds: number) {
  const [offered, setOffered] = useState<Undoable | null>(null);
  const timer = useRef(0);

  const withdraw = useCallback(() => {
    clearTimeout(timer.current);
    setOffered(null);
  }, []);

  const offer = useCallback(
    (undoable: Undoable) => {
      clearTimeout(timer.current);
      setOffered(undoable);
      timer.current = window.setTimeout(() => setOffered(null), seconds * 1000);
    },
    [seconds],
  );

  const take = useCallback((): Undoable | null => {
    const taken = offered;
    withdraw();
    return taken;
  }, [offered, withdraw]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return { offered, offer, take };
}
