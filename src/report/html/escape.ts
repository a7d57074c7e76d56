const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML element content and quoted attribute values. NUL becomes U+FFFD (what the HTML
 * parser would do anyway, minus the parse error).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!).replace(/\0/g, '\uFFFD');
}

/** A number for people: at most `digits` decimals, no trailing zeros. */
export function formatNumber(n: number, digits = 2): string {
  return Number.isFinite(n) ? String(Number(n.toFixed(digits))) : '';
}
