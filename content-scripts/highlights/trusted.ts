/**
 * Pizhu's controls on a page act on the reader's own input only. A page's script can click a
 * button of an open shadow root or dispatch a key event, but the browser marks every such event
 * untrusted (`isTrusted` false): the handler wrapped here never runs for it.
 */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}
