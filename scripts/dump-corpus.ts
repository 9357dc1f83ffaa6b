// Developer aid: prints every corpus file's model compactly, to eyeball what the parser makes of it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchive } from '../src/parse/parse-archive';

const root = process.argv[2] ?? '../shared/corpus';
const only = process.argv[3];
for (const dir of readdirSync(root)) {
  if (!statSync(join(root, dir)).isDirectory()) continue;
  for (const file of readdirSync(join(root, dir))) {
    const path = join(root, dir, file);
    if (only && !path.includes(only)) continue;
    const a = parseArchive(readFileSync(path, 'utf8'));
    console.log(`\n=== ${dir}/${file}  [${a.source}] ${a.title}\n id=${a.id}\n pub=${a.publishedAt} arch=${a.archivedAt} by=${a.byline} problems=${a.problems.join(',')}`);
    for (const b of a.blocks) {
      if (b.type === 'image') console.log(`  [img] ${b.src.slice(0, 90)} | cap=${b.caption?.slice(0, 50)} | credit=${b.credit ?? ''}`);
      else console.log(`  [${b.type}${b.type === 'paragraph' && b.style ? ':' + b.style : ''}] ${b.text.slice(0, 70)}`);
    }
  }
}
