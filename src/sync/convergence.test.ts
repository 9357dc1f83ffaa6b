import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LibraryData } from '../annotation/library-data';
import { COLORS } from '../annotation/records';
import { compareVersions, planMerge, type Version } from '../store/merge';
import { winnerOf } from './resolve';
import { runSync } from './run';
import { ARTICLE, annotation, at, browser, type Browser, memoryDb, uuid } from './test-harness';

type Op = { replica: 0 | 1; kind: 'edit' | 'delete' | 'sync'; id: number; note: string; color: number; step: number };

const opArb: fc.Arbitrary<Op> = fc.record({
  replica: fc.constantFrom(0 as const, 1 as const),
  kind: fc.constantFrom('edit' as const, 'edit' as const, 'delete' as const, 'sync' as const),
  id: fc.integer({ min: 1, max: 3 }),
  note: fc.constantFrom('', '甲', '乙', 'c'),
  color: fc.integer({ min: 0, max: COLORS.length - 1 }),
  // Each replica's clock moves on by its own steps: the two clocks disagree, and sometimes tie (a clock never stands still between two edits of one replica).
  step: fc.integer({ min: 1, max: 3 }),
});

const library = async (b: Browser) => {
  const { annotations, tombstones } = await b.store.readAll();
  return { annotations, tombstones };
};

describe('sync convergence', () => {
  it('any interleaving of edits, deletions and syncs on two replicas ends in the same library, the one the merge rule picks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 25 }), async (ops) => {
        const server = memoryDb('server');
        const replicas = [await browser(''), await browser('')] as const;
        for (const r of replicas) await r.store.recordArticle(ARTICLE, ARTICLE.url);
        const clocks = [0, 0];
        const made = new Map<string, Version[]>();
        const keep = (v: Version) => {
          const id = v.kind === 'annotation' ? v.record.id : v.tombstone.id;
          made.set(id, [...(made.get(id) ?? []), v]);
        };
        for (const op of ops) {
          const r = replicas[op.replica];
          clocks[op.replica] += op.step;
          const now = at(clocks[op.replica]!);
          if (op.kind === 'sync') await runSync(r.bridge, server);
          else if (op.kind === 'edit') {
            const record = annotation(op.id, { note: op.note, color: COLORS[op.color]!, modified: now });
            try {
              await r.store.saveAnnotation(record);
              keep({ kind: 'annotation', record });
            } catch {
              // Deleted here: a page offers no edit of it.
            }
          } else {
            const receipt = await r.store.deleteAnnotation(uuid(op.id), now);
            if (receipt) keep({ kind: 'tombstone', tombstone: receipt.tombstone });
          }
        }
        for (let round = 0; round < 3; round++) for (const r of replicas) await runSync(r.bridge, server);
        const [a, b] = [await library(replicas[0]), await library(replicas[1])];
        expect(a).toEqual(b);
        const winners = [...made.values()].map((versions) => winnerOf(versions));
        expect(a.annotations).toEqual(winners.flatMap((v) => (v.kind === 'annotation' ? [v.record] : [])).sort((x, y) => (x.id < y.id ? -1 : 1)));
        expect(a.tombstones).toEqual(winners.flatMap((v) => (v.kind === 'tombstone' ? [v.tombstone] : [])).sort((x, y) => (x.id < y.id ? -1 : 1)));
        // No conflict is left on the server.
        const all = await server.allDocs({ conflicts: true, include_docs: true });
        expect(all.rows.filter((row) => (row.doc as { _conflicts?: string[] } | null)?._conflicts?.length)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('uses the import merge rule itself: an import takes a version exactly when sync would', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.boolean(), fc.boolean(), (t1, t2, localTombstone, incomingTombstone) => {
        const tombstone = (t: number) => ({ id: uuid(1), articleId: ARTICLE.id, deleted: at(t) });
        const local: Version = localTombstone ? { kind: 'tombstone', tombstone: tombstone(t1) } : { kind: 'annotation', record: annotation(1, { modified: at(t1), note: 'here' }) };
        const incoming: Version = incomingTombstone ? { kind: 'tombstone', tombstone: tombstone(t2) } : { kind: 'annotation', record: annotation(1, { modified: at(t2), note: 'there' }) };
        const existing: LibraryData = local.kind === 'tombstone' ? { articles: [], annotations: [], tombstones: [local.tombstone] } : { articles: [], annotations: [local.record], tombstones: [] };
        const file: LibraryData =
          incoming.kind === 'tombstone' ? { articles: [], annotations: [], tombstones: [incoming.tombstone] } : { articles: [], annotations: [incoming.record], tombstones: [] };
        const plan = planMerge(file, existing);
        // A tombstone over a tombstone changes nothing either way.
        const importTakes = plan.annotations.length > 0 || plan.deletions.length > 0 || (local.kind === 'annotation' && plan.tombstones.length > 0);
        expect(importTakes).toBe(compareVersions(incoming, local) > 0 && !(local.kind === 'tombstone' && incoming.kind === 'tombstone'));
      }),
    );
  });
});
