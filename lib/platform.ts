/** The reader's keyboard is Apple's (⌘ and ⌥ where others have Ctrl and Alt): shortcuts are named and written its way. */
export function applePlatform(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform);
}
