import { describe, expect, it } from 'vitest';
import { askWith, BackgroundRefused, BackgroundUnreachable, REPLY_SCHEMAS } from './replies';
import { MessageSchema } from './schemas';

const id = '0b7a8e4c-1111-4222-8333-944455556666';
const annotation = {
  id,
  articleId: 'cn.reuters.com/a',
  color: 'yellow',
  position: { type: 'TextPositionSelector', start: 3, end: 6 },
  quote: { type: 'TextQuoteSelector', exact: '第一段', prefix: '标题\n', suffix: '正文。' },
  parserVersion: 1,
  note: '',
  tags: [],
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
};

describe('askWith', () => {
  it('resolves with the reply its message expects', async () => {
    const ask = askWith(async () => ({ ok: true, annotations: [annotation], reveal: id }));
    await expect(
      ask({ type: 'article-seen', article: { id: 'cn.reuters.com/a', url: 'https://cn.reuters.com/a', title: 't', source: 'reuters', publishedAt: null, blockCount: 1, origin: 'page' } }),
    ).resolves.toEqual({ ok: true, annotations: [annotation], reveal: id });
    await expect(askWith(async () => ({ ok: true, token: 'f'.repeat(32) }))({ type: 'note-token', articleId: 'a', id })).resolves.toEqual({ ok: true, token: 'f'.repeat(32) });
  });

  it("throws BackgroundRefused, with the background's words, for a refusal to any message", async () => {
    const ask = askWith(async () => ({ ok: false, error: 'a page writes highlights of its own article only' }));
    const refused = ask({ type: 'delete-annotation', id, articleId: 'a' });
    await expect(refused).rejects.toBeInstanceOf(BackgroundRefused);
    await expect(refused).rejects.toMatchObject({ request: 'delete-annotation', reason: 'a page writes highlights of its own article only' });
  });

  it('throws BackgroundUnreachable for no answer, a failed send, or a reply to another message', async () => {
    const message = { type: 'note-open', token: 'f'.repeat(32) } as const;
    await expect(askWith(async () => undefined)(message)).rejects.toBeInstanceOf(BackgroundUnreachable);
    await expect(askWith(() => Promise.reject(new Error('Receiving end does not exist')))(message)).rejects.toThrow('Receiving end does not exist');
    // A reply that fits another message (a list of highlights), or one with anything extra, is not this one's.
    await expect(askWith(async () => ({ ok: true, annotations: [annotation] }))(message)).rejects.toBeInstanceOf(BackgroundUnreachable);
    await expect(askWith(async () => ({ ok: true, annotation: { ...annotation, color: 'red' } }))(message)).rejects.toBeInstanceOf(BackgroundUnreachable);
    await expect(askWith(async () => ({ ok: true, extra: 1 }))({ type: 'placement', articleId: 'a', orphans: [] })).rejects.toBeInstanceOf(BackgroundUnreachable);
  });

  it('knows a reply for each message the background answers, and each is a message', () => {
    const types = MessageSchema.options.map((option) => option.entries.type.literal);
    for (const type of Object.keys(REPLY_SCHEMAS)) expect(types).toContain(type);
  });
});
