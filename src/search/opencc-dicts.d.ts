// opencc-js ships its dictionaries as modules of one string each ("來 来|個 个|…"), without types.
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
