import PouchDB from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import { describe, expect, it } from 'vitest';
import { jsonErrors } from './json-errors';
import { describeSyncError } from './run';

PouchDB.plugin(http);

/** A server behind a proxy that answers every request with the same page. A read of a document is one that replication makes. */
const answering =
  (status: number, body: string, type: string): typeof fetch =>
  async () =>
    new Response(body, { status, headers: { 'content-type': type } });

const problemOf = async (fetcher: typeof fetch) => {
  const db = new PouchDB('http://127.0.0.1:9/library', { adapter: 'http', skip_setup: true, fetch: fetcher });
  const error = await db.get('a-highlight').then(
    () => null,
    (e: unknown) => e,
  );
  return describeSyncError(error);
};

describe('jsonErrors', () => {
  it("keeps the status of an error whose page is not JSON, so the reader is told it (a proxy's 401, 502)", async () => {
    expect(await problemOf(jsonErrors(answering(401, '<html><body>401 Authorization Required</body></html>', 'text/html')))).toMatchObject({ code: 'auth', status: 401 });
    expect(await problemOf(jsonErrors(answering(502, '<html>Bad Gateway</html>', 'text/html')))).toMatchObject({ code: 'server', status: 502 });
    // Without it, the same answer reads as a server out of reach.
    expect(await problemOf(answering(401, '<html>401</html>', 'text/html'))).toMatchObject({ code: 'unreachable' });
  });

  it("leaves the server's own answers as they are: JSON errors, and answers that went well", async () => {
    const couch = answering(404, '{"error":"not_found","reason":"Database does not exist."}', 'application/json');
    expect(await problemOf(jsonErrors(couch))).toMatchObject({ code: 'missing', status: 404 });
    const fine = new Response('{"db_name":"library"}', { status: 200, headers: { 'content-type': 'application/json' } });
    expect(await jsonErrors(async () => fine)('http://x/')).toBe(fine);
  });
});
