import { trusted } from './trusted';

export interface PageInputHandlers {
  /** The reader may have finished a selection, with the mouse or (Shift released) the keyboard. */
  selectionEnd(viaKeyboard: boolean): void;
  escape(): void;
  /** A click on the page that ended no selection, at a point of the viewport. */
  clickAt(x: number, y: number): void;
  /** Ctrl+Z (⌘Z) outside a text field: true when a delete was there to undo (the key is then Pizhu's). */
  undo(): boolean;
}

/**
 * A field the reader may type in, where Ctrl+Z undoes typing: a text field, editable text, or a custom
 * element, whose closed shadow root may hold one (the event names only the element).
 */
const editable = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target.localName.includes('-') ||
    target.localName === 'textarea' ||
    (target.localName === 'input' && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes((target as HTMLInputElement).type)));

/**
 * The reader's mouse and keys on the page, outside Pizhu's own UI (`owns` tells which events are
 * its own). Only trusted events count: a page's script cannot make a selection look finished or
 * open a note. `dispose()` removes every listener added here.
 */
export class PageInput {
  private readonly removers: (() => void)[] = [];
  private timer = 0;

  constructor(owns: (event: Event) => boolean, handlers: PageInputHandlers) {
    this.on('mouseup', (event) => {
      if (owns(event)) return;
      // The selection is final once the mouseup's default action has run.
      clearTimeout(this.timer);
      this.timer = window.setTimeout(() => handlers.selectionEnd(false), 0);
    });
    this.on('keyup', (event) => {
      if (event.key === 'Escape') return handlers.escape();
      if (owns(event)) return;
      // Shift released ends a selection made from the keyboard; an arrow let go while Shift is held does not (the selection still grows).
      if (event.key === 'Shift') handlers.selectionEnd(true);
    });
    this.on('keydown', (event) => {
      if (event.defaultPrevented || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'z') return;
      if (!owns(event) && editable(event.composedPath()[0] ?? null)) return;
      if (handlers.undo()) event.preventDefault();
    });
    this.on('click', (event) => {
      if (owns(event) || !getSelection()?.isCollapsed) return;
      handlers.clickAt(event.clientX, event.clientY);
    });
  }

  private on<K extends keyof DocumentEventMap>(type: K, listener: (event: DocumentEventMap[K]) => void): void {
    const handler = trusted(listener);
    document.addEventListener(type, handler);
    this.removers.push(() => document.removeEventListener(type, handler));
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const remove of this.removers.splice(0)) remove();
  }
}
