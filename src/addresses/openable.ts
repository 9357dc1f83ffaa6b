/**
 * Addresses the library may open: the web, and archive files on this disk (file:/// with no host).
 * Never what a stored or imported record could smuggle in (data:, javascript:, chrome:, file://host/).
 */
const OPENABLE = /^(https?:|file:\/\/\/)/i;

export function isOpenableAddress(url: string): boolean {
  return OPENABLE.test(url);
}
