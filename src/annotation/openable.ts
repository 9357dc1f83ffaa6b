/**
 * Addresses the library may open or keep for an article: the web, and archive files on this disk
 * (file:/// with no host). Never what a shared file could smuggle in (data:, javascript:, chrome:,
 * file://host/).
 */
export function isOpenableAddress(url: string): boolean {
  return /^(https?:|file:\/\/\/)/i.test(url);
}
