/** The reader's keyboard is Apple's (⌘ and ⌥ where others have Ctrl and Alt): shortcuts are named and written its way. */
export function applePlatform(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform);
}

/**
 * Firefox closes an extension's popup as soon as a file chooser opens (Mozilla bug 1292701), and the
 * chosen file never reaches it: there the popup's file buttons open the library page instead.
 */
export function fileChoosersCloseThisPage(): boolean {
  return location.protocol === 'moz-extension:' && location.pathname.endsWith('/popup/index.html');
}
