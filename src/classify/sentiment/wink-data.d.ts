// The lexicon data modules shipped inside wink-sentiment (CommonJS objects). threadlens uses them as its
// lexicon base and does its own offset-keeping tokenization.
declare module 'wink-sentiment/src/afinn-en-165.js' {
  const afinn: Record<string, number>;
  export default afinn;
}
declare module 'wink-sentiment/src/afinn-en-165-2grams.js' {
  const bigrams: Record<string, Record<string, number>>;
  export default bigrams;
}
declare module 'wink-sentiment/src/emojis.js' {
  const emojis: Record<string, number>;
  export default emojis;
}
declare module 'wink-sentiment/src/emoticons.js' {
  const emoticons: Record<string, number>;
  export default emoticons;
}
