/**
 * The fixture groups of session 42 (link42b, docs/dump-styles.md "Session 42 (link42b)"): a fixture's group is the FNV-1a
 * 32-bit hash of its directory name (UTF-8) mod 5, `fx0`..`fx4`, each a round of a rounds-left-out protocol beside the
 * blind rounds. Read by train-left-over-links.ts, train-thread-replies.ts and train-conversation-page.ts.
 */
export function fixtureGroup(name: string): string {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(name, 'utf8')) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return `fx${h % 5}`;
}
