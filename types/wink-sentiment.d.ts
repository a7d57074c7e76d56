declare module 'wink-sentiment' {
  /** One token as wink-sentiment reports it. */
  export interface WinkToken {
    value: string;
    tag: 'word' | 'emoji' | 'emoticon' | 'punctuation' | 'number' | 'hashtag' | 'mention' | 'url' | 'email' | string;
    /** Lexicon score of the token, when it has one. */
    score?: number;
    /** True when a preceding negation flipped the score. */
    negation?: boolean;
    /** True for the last token of a sentence-internal negation scope. */
    grouped?: number;
  }
  export interface WinkResult {
    /** Sum of token scores. */
    score: number;
    /** Score normalised to -5..+5. */
    normalizedScore: number;
    tokenizedPhrase: WinkToken[];
  }
  function sentiment(phrase: string): WinkResult;
  export default sentiment;
}
