const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

function iso(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The month number of a month name or abbreviation ("Sept.", "november"), or undefined. */
export function monthNumber(word: string): number | undefined {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')];
}

/**
 * Reads a calendar date written as "Nov 25, 2024", "25 November 2024", "2024-11-25", "2024/11/25" or
 * "November 25, 2024 10:14 AM" and returns ISO `yyyy-mm-dd`, or null when the text holds no full date.
 */
export function parseCalendarDate(text: string): string | null {
  const s = text.length > 200 ? text.slice(0, 200) : text;
  let m = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /\b([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b/.exec(s);
  if (m && monthNumber(m[1]!)) return iso(Number(m[3]), monthNumber(m[1]!)!, Number(m[2]));
  m = /\b(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]{3,9})\.?,? (\d{4})\b/.exec(s);
  if (m && monthNumber(m[2]!)) return iso(Number(m[3]), monthNumber(m[2]!)!, Number(m[1]));
  return null;
}
