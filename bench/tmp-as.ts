import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../test/e2e/browser';
import { corpusFiles, readCorpus } from './lib/corpus';
const N = 3000;
const dir = mkdtempSync(join(tmpdir(), 'pz-'));
const sources = corpusFiles()
  .filter((p) => !p.startsWith('reuters-old'))
  .map((p) => ({ path: p, text: readCorpus(p) }));
for (let i = 0; i < N; i++) {
  const s = sources[i % sources.length]!;
  const text = s.text.replace(/^(\s*<!--\d+-->\s*\n)\[(.*)\]\((\S+?)\)/, (_, h, t, u) => `${h}[${t}（${i}）](${u.replace(/([?#]|$)/, `-c${i}$1`)})`);
  mkdirSync(join(dir, s.path.split('/')[0]!), { recursive: true });
  writeFileSync(join(dir, s.path.split('/')[0]!, `${i}.md`), text);
}
const ext = await launchWithExtension({ offline: true });
const page = await ext.extensionPage('popup/library.html#archive');
await page.getByTestId('archive-folder').setInputFiles(dir);
await page.waitForFunction((n) => !!document.querySelector('.archive [role=status]')?.textContent?.includes(`${n}`), N, { timeout: 300000 });
for (const q of ['北京', '美国 经济', '人民币', '北京', '人民币']) {
  const t = await page.evaluate(async (query) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="archive-search"]')!;
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 300));
    const before = document.querySelector('.archive [role=status]')?.textContent;
    const start = performance.now();
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    let first = 0;
    for (;;) {
      await new Promise(requestAnimationFrame);
      const now = document.querySelector('.archive [role=status]')?.textContent;
      const busy = document.querySelector('.archive [aria-busy=true]');
      if (!first && busy) first = performance.now() - start;
      if (now !== before && !busy) return [first, performance.now() - start, now];
    }
  }, q);
  console.log(q, JSON.stringify(t));
}
await ext.close();
