/**
 * Stance cue lists. Evaluative word scores come from the AFINN list shipped in wink-sentiment (MIT);
 * the lists here add what AFINN lacks for stance: calls to action and change verbs.
 */

/** Verbs that, aimed at the target, argue against it ("Kick them out", "scrap SOFA"). */
export const AGAINST_ACTIONS = [
  'kick out', 'kick them out', 'get rid of', 'get out', 'throw out', 'go home', 'stop', 'end', 'ban', 'abolish',
  'scrap', 'ditch', 'dump', 'ignore', 'boycott', 'reject', 'oppose', 'repeal', 'cancel', 'withdraw', 'impeach',
  'lock up', 'vote against', 'down with', 'no more', 'enough of', 'say no to', 'fire', 'defund', 'leave',
];
/** Verbs that, aimed at the target, argue for it ("support the alliance", "keep SOFA"). */
export const FAVOR_ACTIONS = [
  'support', 'keep', 'protect', 'defend', 'vote for', 'stand with', 'back', 'welcome', 'strengthen', 'embrace',
  'thank', 'thanks', 'praise', 'push for', 'push hard for', 'push forward', 'call for', 'calls for', 'argue for',
  'fight for', 'in favor of', 'in favour of', 'pro', 'save', 'uphold', 'elect', 'choose', 'endorse', 'yes to', 'go', 'long live',
];
/** Words that name a change; a target named with one ("SOFA revision") is also mentioned by the others. */
export const CHANGE_WORDS = new Set([
  'revision', 'revisions', 'revise', 'revised', 'revising', 'change', 'changes', 'changed', 'changing', 'amend',
  'amendment', 'amendments', 'amended', 'amending', 'reform', 'reforms', 'update', 'updates', 'revamp', 'overhaul',
  'alter', 'altering', 'renegotiate', 'renegotiation', 'repeal', 'withdrawal', 'legalization', 'legalisation',
]);
