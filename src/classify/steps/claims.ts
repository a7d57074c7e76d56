import { detectClaimsScored } from '../claims/index.js';
import type { Evidence } from '../../schema/common.js';
import type { PostStep } from './types.js';

// Sarcasm cues that frame a whole sentence as said in irony (src/classify/sentiment/sarcasm.ts): a mocking or praise
// opener ("Sure, because ...", "Sure, fine me $100 ..."), a mocking vocative, the "/s" tag, scare quotes, a praise
// word given a mocking capital. Not the detector's word features (`sarcasm:model:*`) nor a praise word beside a bad
// one (`praise-bad-situation`): those fire on literal sentences too ("a first offense is a $100 fine").
const FRAMING_CUES = new Set(['sarcasm:mock-opener', 'sarcasm:praise-opener', 'sarcasm:mock-vocative', 'sarcasm:tag', 'sarcasm:scare-quotes', 'sarcasm:mock-capital']);

/** The spans of the framing sarcasm cues among `cues` (spans into the post's analysed text). */
function ironicSpans(cues: readonly Evidence[]): Array<[number, number]> {
  return cues.filter((c) => FRAMING_CUES.has(c.cue)).map((c) => [c.span[0], c.span[1]]);
}

/**
 * Check-worthy claims of the post, and of the article once the posts are done (src/classify/claims). A post is a
 * reader comment, so it is read in the comment register (a first-hand statement of record is a claim), and a
 * sentence the sentiment analysis finds framed as sarcasm makes no claim (the shared sentiment analysis, in the
 * post's own offsets, whether or not the sentiment step runs).
 */
export const claimsStep: PostStep = {
  name: 'claims',
  scope: 'post',
  reads: 'post',
  needs: [],
  run(a) {
    const sarcasm = a.shared().sentiment.result.sarcasm ?? [];
    const { claims, generalScores } = detectClaimsScored(a.text, { register: 'comment', ironicSpans: ironicSpans(sarcasm) }, a.read);
    a.post.claims = a.toInput(claims);
    // The corrections step reads the default (general-register) scores, as it would score a sentence itself.
    for (const [sentence, score] of generalScores) a.sentenceScores.set(sentence, score);
  },
  finish(thread) {
    thread.claims = thread.articleClaims();
  },
};
