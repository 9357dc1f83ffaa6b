import * as v from 'valibot';

/**
 * An annotation's id: a UUID, in lower case. Ids are compared as strings everywhere (store keys,
 * merges, tombstones), so an upper-case copy of an id would be a twin of the same highlight.
 */
export const AnnotationIdSchema = v.pipe(v.string(), v.maxLength(64), v.regex(/^[0-9a-f-]{8,64}$/i, 'not an id'), v.toLowerCase());

/** A `urn:uuid:` IRI's id, in lower case; null for anything else. */
export function idFromUrn(iri: string | undefined): string | null {
  const bare = iri?.toLowerCase().startsWith('urn:uuid:') ? iri.slice('urn:uuid:'.length) : null;
  const checked = bare === null ? null : v.safeParse(AnnotationIdSchema, bare);
  return checked?.success ? checked.output : null;
}

/**
 * A UUID (version 8, RFC 9562: "custom") computed from a string: the same string always gives the
 * same UUID. Foreign annotation ids ("Jb0pDPrrEe-…", "https://…/anno/3") become ids our schema
 * takes, and importing one file twice gives the same ids, so the second import changes nothing.
 * Not cryptographic: cyrb128 (four 32-bit lanes), enough to keep distinct ids apart.
 */
export function stableUuid(text: string): string {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  const hex = [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
  // Version nibble 8, variant bits 10: a well-formed UUID, marked as not random.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
