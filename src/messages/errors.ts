/** The two ways a request to the background fails, for every asker (src/messages/replies.ts, src/messages/page-ask.ts). */

/** The background said no: `reason` is its words. */
export class BackgroundRefused extends Error {
  override name = 'BackgroundRefused';
  constructor(
    readonly request: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** The background could not be reached, or answered something that is not a reply to this message. */
export class BackgroundUnreachable extends Error {
  override name = 'BackgroundUnreachable';
  constructor(
    readonly request: string,
    reason: string,
  ) {
    super(reason);
  }
}
