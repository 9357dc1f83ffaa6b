import { citation } from '../../src/cite/citation';
import type { ArticleSummary } from '../../src/messages/protocol';
import { uiLang } from '../../lib/i18n';

/**
 * Copies a quote with its citation (publisher, date, title, address) to the clipboard, in the UI's
 * language, and reports how it went. After `dispose()`, a copy still under way reports nothing.
 */
export class CitationCopy {
  private live = true;

  constructor(private readonly report: (outcome: { copied: true } | { error: string }) => void) {}

  async copy(quote: string, article: ArticleSummary): Promise<void> {
    const text = citation(quote, article, new Date(), uiLang());
    try {
      await navigator.clipboard.writeText(text);
      if (this.live) this.report({ copied: true });
    } catch (error) {
      if (this.live) this.report({ error: String(error) });
    }
  }

  dispose(): void {
    this.live = false;
  }
}
