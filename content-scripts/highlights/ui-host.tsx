import { render } from 'preact';
import { HighlightUi, type UiActions, type UiState } from './HighlightUi';
import uiCss from './ui.css?inline';

const EMPTY: UiState = { toolbar: null, editor: null, orphans: [], marks: [], error: null, loadError: false, status: null, undo: null, theme: 'auto', lastColor: 'yellow' };

/**
 * Pizhu's UI on a page: a host element at the end of the document holding an open shadow root,
 * with its style and the rendered HighlightUi. The host joins the page when `attach()` is called (the
 * session calls it once the frame that paints the page's highlights has been drawn: neither that frame
 * nor the wait for the highlights before it pays for the UI, bench/README.md, page cost). It is named
 * `data-pizhu="ui"` by `ready()`, once the page's highlights are known (tests wait for that name).
 * `dispose()` unmounts it and removes the host.
 */
export class UiHost {
  readonly host: HTMLElement;
  private readonly mount: HTMLElement;
  private current: UiState = EMPTY;
  private statusTimer = 0;
  private attached = false;
  private disposed = false;

  constructor(private readonly actions: UiActions) {
    this.host = document.createElement('div');
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = uiCss;
    this.mount = document.createElement('div');
    shadow.append(style, this.mount);
  }

  /** Puts the host into the page and renders the UI as it stands (once; the updates before it are kept). */
  attach(): void {
    if (this.attached || this.disposed) return;
    document.documentElement.append(this.host);
    this.attached = true;
    this.render();
  }

  /** The page's highlights are known and shown: the UI takes the reader's selections from now on. */
  ready(): void {
    this.host.dataset.pizhu = 'ui';
  }

  get state(): UiState {
    return this.current;
  }

  update(next: Partial<UiState>): void {
    if (this.disposed) return;
    this.current = { ...this.current, ...next };
    if (this.attached) this.render();
  }

  private render(): void {
    render(<HighlightUi state={this.current} actions={this.actions} />, this.mount);
  }

  /** A short status line, cleared after `ms` milliseconds (a newer one replaces it). */
  flash(status: string, ms: number): void {
    clearTimeout(this.statusTimer);
    this.update({ status });
    this.statusTimer = window.setTimeout(() => this.update({ status: null }), ms);
  }

  /** Moves the focus to a highlight's ✎ mark; false where it has none (yet). */
  focusMark(id: string): boolean {
    const mark = this.host.shadowRoot?.querySelector<HTMLElement>(`.note-mark[data-id="${CSS.escape(id)}"]`);
    mark?.focus({ preventScroll: true });
    return !!mark;
  }

  /** The reader is on the undo button (Tab reached it): an undo from there puts the focus back on the passage. */
  undoHasFocus(): boolean {
    return this.host.shadowRoot?.activeElement?.getAttribute('data-testid') === 'undo';
  }

  /** True for an event that happened inside this UI (a click on the toolbar is no click on the page). */
  owns(event: Event): boolean {
    return event.composedPath().includes(this.host);
  }

  dispose(): void {
    if (this.disposed) return;
    clearTimeout(this.statusTimer);
    render(null, this.mount);
    this.host.remove();
    this.disposed = true;
  }
}
