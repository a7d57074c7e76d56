const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
  // The month names news pages print in Spanish, Italian, French, German, Dutch, Portuguese and Polish (Polish in
  // the genitive a date uses, "4 grudnia 2026"), with their usual abbreviations.
  enero: 1, ene: 1, febrero: 2, marzo: 3, abril: 4, abr: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, ago: 8,
  septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12, dic: 12,
  gennaio: 1, gen: 1, febbraio: 2, aprile: 4, maggio: 5, mag: 5, giugno: 6, giu: 6, luglio: 7, lug: 7,
  settembre: 9, set: 9, ottobre: 10, ott: 10, novembre: 11, dicembre: 12,
  janvier: 1, janv: 1, février: 2, févr: 2, mars: 3, avril: 4, avr: 4, mai: 5, juin: 6, juillet: 7, juil: 7,
  août: 8, septembre: 9, octobre: 10, décembre: 12, déc: 12,
  januar: 1, jänner: 1, jän: 1, februar: 2, märz: 3, juni: 6, juli: 7, oktober: 10, okt: 10, dezember: 12, dez: 12,
  januari: 1, februari: 2, maart: 3, mrt: 3, mei: 5, augustus: 8,
  janeiro: 1, fevereiro: 2, fev: 2, março: 3, maio: 5, junho: 6, julho: 7, setembro: 9, outubro: 10, out: 10,
  novembro: 11, dezembro: 12,
  stycznia: 1, lutego: 2, marca: 3, kwietnia: 4, maja: 5, czerwca: 6, lipca: 7, sierpnia: 8, września: 9,
  października: 10, listopada: 11, grudnia: 12,
  // Russian (the genitive, "4 декабря 2026") and Arabic (the names Egypt and the Gulf print, and the Levant's).
  января: 1, февраля: 2, марта: 3, апреля: 4, мая: 5, июня: 6, июля: 7, августа: 8, сентября: 9, октября: 10,
  ноября: 11, декабря: 12, янв: 1, фев: 2, мар: 3, апр: 4, авг: 8, сен: 9, окт: 10, ноя: 11, дек: 12,
  يناير: 1, فبراير: 2, مارس: 3, أبريل: 4, ابريل: 4, مايو: 5, يونيو: 6, يوليو: 7, أغسطس: 8, اغسطس: 8, سبتمبر: 9,
  أكتوبر: 10, اكتوبر: 10, نوفمبر: 11, ديسمبر: 12, 'كانون الثاني': 1, شباط: 2, آذار: 3, نيسان: 4, أيار: 5, حزيران: 6,
  تموز: 7, آب: 8, أيلول: 9, 'تشرين الأول': 10, 'تشرين الثاني': 11, 'كانون الأول': 12,
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
  // "25 November 2024", "4. Dezember 2026", "04 dic 2026", "4 grudnia 2026": the day first, in any of the languages above.
  m = /(?<![\p{L}\p{N}])(\d{1,2})(?:st|nd|rd|th|\.)? (\p{L}{3,12})\.?,? (\d{4})(?!\p{N})/u.exec(s);
  if (m && monthNumber(m[2]!)) return iso(Number(m[3]), monthNumber(m[2]!)!, Number(m[1]));
  // "2026年12月4日": year, month and day with their CJK counters (Japanese, Chinese; Korean "2026년 12월 4일").
  m = /(\d{4}) ?[年년] ?(\d{1,2}) ?[月월] ?(\d{1,2}) ?[日일]/u.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  // "04.12.2026": day, month and year set apart by dots, as European pages print a date.
  m = /(?<![\p{N}.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\p{N}])/u.exec(s);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}
