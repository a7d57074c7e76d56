/**
 * Cue patterns for discourse acts. Each is anchored or bounded, built from literal alternations with at
 * most single optional separators, so matching is linear (checked by the ReDoS test).
 */

/** Agreement openers: "Exactly.", "Spot on", "Agreed", "Well said", "Couldn't agree more". */
export const AGREEMENT =
  /^(?:exactly|spot on|agreed|agree|i agree|i totally agree|i fully agree|well said|absolutely|so true|very true|true that|indeed|correct|precisely|bingo|this|this\s?100%|yes|yep|yup|good point|great point|excellent point|fair point|hear,? hear|couldn'?t agree more|could not agree more|totally agree|100%|\+1|you(?:'re| are) (?:so |absolutely |quite |100% )?right|right on|amen|true)(?=$|[\s.!,;:)])/i;

/** Disagreement cues anywhere in a sentence. */
export const DISAGREEMENT =
  /\b(?:i disagree|i (?:strongly |completely |totally )?disagree|(?:that(?:'s| is) )?not true|(?:that(?:'s| is) )?(?:simply |just )?(?:false|untrue|incorrect)|you(?:'re| are) (?:wrong|mistaken|incorrect)|wrong again|not really|i don'?t think so|nonsense|rubbish|not at all|nope|hardly|far from it|on the contrary|that(?:'s| is) not how|not so|no,? (?:it|they|he|she|that|this) (?:is|was|are|were|did|does|do)n'?t)\b/i;
/** "No." or "Wrong." as a whole first sentence. */
export const DISAGREEMENT_OPENER = /^(?:no|nope|wrong|false|incorrect|not true|not quite|actually|nah)(?=$|[\s.!,;:])/i;

/** Concession: "My mistake", "I stand corrected", "You're right, I misremembered". */
export const CONCESSION =
  /\b(?:my (?:mistake|bad|error|apologies)|i stand corrected|i was wrong|i misremembered|i misread|i mis-?spoke|point taken|fair enough|fair point|good catch|thanks for the correction|you(?:'re| are) right,? i|i (?:stand|am) corrected|granted|admittedly|i concede|i'?ll give you that|i take (?:that|it) back)\b/i;

/** Prediction markers with high confidence. */
export const PREDICTION_STRONG =
  /\b(?:there will (?:be|never be|not be)|there won'?t be|mark my words|just wait|wait and see|i predict|i guarantee|i bet|bet you|you'?ll see|it'?s only a matter of time|sooner or later|(?:is|are|am) (?:going|bound|likely|sure) to|will (?:never|not|surely|certainly|definitely|probably|likely|soon)|won'?t (?:ever|be|last|happen|change|work))\b/i;
/** Weaker future marker. */
export const PREDICTION_WEAK = /\b(?:will|won'?t|gonna|shall|'ll)\b/i;

/** Verbs that start an imperative call to action. */
export const IMPERATIVE_VERBS = new Set([
  'kick', 'build', 'vote', 'stop', 'ignore', 'call', 'write', 'sign', 'tell', 'send', 'throw', 'fire', 'ban',
  'boycott', 'impeach', 'demand', 'join', 'support', 'contact', 'arrange', 'remove', 'lock', 'bring', 'give',
  'get', 'wake', 'stand', 'fight', 'resist', 'protest', 'share', 'spread', 'donate', 'act', 'push', 'keep',
  'cut', 'end', 'scrap', 'cancel', 'close', 'shut', 'open', 'raise', 'lower', 'drop', 'dump', 'pull', 'leave',
  'make', 'let', 'start', 'quit', 'resign', 'arrest', 'jail', 'deport', 'defund', 'fund', 'pay', 'tax', 'move',
  'focus', 'read', 'look', 'think', 'remember', 'wake', 'speak', 'refuse', 'reject', 'elect', 'replace', 'sack',
  'investigate', 'prosecute', 'punish', 'sue', 'buy', 'sell', 'go', 'take', 'put', 'turn', 'watch', 'do',
]);
/** Calls to action without an imperative verb first: "We must ...", "Let's ...", "Someone should ...". */
export const CALL_TO_ACTION =
  /\b(?:we (?:must|should|need to|have to|ought to)|let'?s|let us|someone (?:should|needs to|has to)|everyone (?:should|must|needs to)|(?:it'?s|it is) time to|time to (?:act|stand|vote|wake|get|kick|end|stop)|(?:please|pls) (?:vote|sign|share|call|write|contact|stop|support|join|donate|do))\b/i;

/** Meta-comments about the article, its author or the outlet. */
export const META =
  /\b(?:(?:this|the|these|that|your|such) (?:article|articles|story|stories|piece|headline|headlines|editorial|op-?ed|report|reporting|column|columnist|author|writer|journalist|journalists|reporter|reporters|editor|editors|journalism|title|clickbait)|did you (?:write|even read|read)|who (?:edits|edited|wrote|writes|proofreads)|(?:poorly|badly|well) written|(?:the|your) (?:media|press|paper|newspaper)|proof-?read|editorial (?:board|staff|standards)|clickbait|journalism)\b/i;

/** Self-correction: a leading "*" fix ("*1998, not 1989"), "Correction:", "Edit:", "I meant". */
export const SELF_CORRECTION_STAR = /^\*\s?[\p{L}\p{N}]/u;
export const SELF_CORRECTION =
  /\b(?:correction:|edit:|i meant|meant to (?:say|write)|should (?:read|have said)|typo|sorry,? (?:i meant|that should be|it'?s|that was))/i;

/** Question openers that signal a rhetorical question ("Is Japan not paying enough?", "Who cares?"). */
export const RHETORICAL =
  /^(?:(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have|had)(?: [\p{L}'-]+){1,4} not\b|(?:isn'?t|aren'?t|wasn'?t|weren'?t|don'?t|doesn'?t|didn'?t|can'?t|couldn'?t|won'?t|wouldn'?t|shouldn'?t|hasn'?t|haven'?t)\b|who cares|who (?:needs|knew|would have thought)|why (?:not|bother|would anyone|on earth|the hell)|how (?:can|could|dare) (?:anyone|anybody|they|you|he|she|we)|what(?:'s| is) the point|what did (?:you|they|anyone) expect|are you (?:kidding|serious|joking)|seriously|really|remember when|since when|what else is new|how (?:is|was) that (?:working|going))/iu;
/** A tag question at the end: "..., isn't it?", "..., right?". */
export const TAG_QUESTION = /,\s?(?:isn'?t it|aren'?t they|don'?t they|doesn'?t it|didn'?t they|right|no|eh|huh)\s?\?+$/i;
