/**
 * The blind-thread rounds that are development data (fixtures/blind-threads, one writer each): the one list every
 * training and evaluation script reads, so a model is never fit on the round that is held out in the session that
 * wrote it. Sessions 21-44 wrote 01-142, each round read once as that session's held-out set before it joined this list;
 * session 45 writes 143-148 as its held-out round, so it is not in this list yet: the next session adds
 * `{ label: '143-148', first: 143, last: 148 }` when it writes a new held-out round.
 */
export const BLIND_DEV_ROUNDS: ReadonlyArray<{ label: string; first: number; last: number }> = [
  { label: '01-04', first: 1, last: 4 },
  { label: '05-10', first: 5, last: 10 },
  { label: '11-16', first: 11, last: 16 },
  { label: '17-22', first: 17, last: 22 },
  { label: '23-28', first: 23, last: 28 },
  { label: '29-34', first: 29, last: 34 },
  { label: '35-40', first: 35, last: 40 },
  { label: '41-46', first: 41, last: 46 },
  { label: '47-52', first: 47, last: 52 },
  { label: '53-58', first: 53, last: 58 },
  { label: '59-64', first: 59, last: 64 },
  { label: '65-70', first: 65, last: 70 },
  { label: '71-76', first: 71, last: 76 },
  { label: '77-82', first: 77, last: 82 },
  { label: '83-88', first: 83, last: 88 },
  { label: '89-94', first: 89, last: 94 },
  { label: '95-100', first: 95, last: 100 },
  { label: '101-106', first: 101, last: 106 },
  { label: '107-112', first: 107, last: 112 },
  { label: '113-118', first: 113, last: 118 },
  { label: '119-124', first: 119, last: 124 },
  { label: '125-130', first: 125, last: 130 },
  { label: '131-136', first: 131, last: 136 },
  { label: '137-142', first: 137, last: 142 },
];

/** The number a blind dump's file name starts with ("17_ghost_lido.gold.json" -> 17), or NaN. */
export function blindNumber(file: string): number {
  return Number(/^(\d+)_/.exec(file)?.[1] ?? Number.NaN);
}

/** The development round of a blind file name, or undefined for a file in none (the held-out round, or no number). */
export function blindDevRound(file: string): string | undefined {
  const n = blindNumber(file);
  return BLIND_DEV_ROUNDS.find((r) => n >= r.first && n <= r.last)?.label;
}

/** The development rounds as one range for a model's fit-on line ("01-34"). */
export function blindDevSpan(): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(BLIND_DEV_ROUNDS[0]!.first)}-${pad(BLIND_DEV_ROUNDS[BLIND_DEV_ROUNDS.length - 1]!.last)}`;
}
