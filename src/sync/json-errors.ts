/** Statuses whose answer has no body: a body cannot be given to them. */
const NO_BODY = new Set([204, 205, 304]);

/**
 * The server's answers as PouchDB's HTTP adapter reads them. The adapter parses every answer as JSON
 * before it looks at the status, so an error whose body is not JSON (a proxy's HTML page for a 401 or a
 * 502) lost its status and read as "server unreachable". Such an answer gets a JSON body naming it,
 * with the same status: the reader is told the status (run.ts, describeSyncError).
 */
export function jsonErrors(fetcher: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await fetcher(input, init);
    if (response.ok || NO_BODY.has(response.status) || (response.headers.get('content-type') ?? '').includes('json')) return response;
    const reason = response.statusText || `HTTP ${response.status}`;
    return new Response(JSON.stringify({ error: 'http_error', reason }), { status: response.status, statusText: response.statusText, headers: { 'content-type': 'application/json' } });
  };
}
