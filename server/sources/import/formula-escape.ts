// Formula injection (CSV/DDE injection, OWASP): a cell such as =HYPERLINK("http://evil","x")
// written into a CSV or XLSX runs as a formula when an operator opens the export in Excel or
// WPS. Exports therefore prefix such a string with a single quote, which spreadsheets show as
// text. The importer removes exactly that prefix so an export re-imports losslessly.
//
// The escape must be reversible for every string, including one that already starts with
// quotes. Rule: a string matching ^'*[=+\-@\t\r] gets one more leading quote on export; on
// import a string matching ^'+[=+\-@\t\r] loses one. Strings that do not match are untouched
// both ways, so unescape(escape(s)) === s for all s.

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

function quotedTrigger(s: string, from: number): boolean {
  let i = from;
  while (i < s.length && s.charCodeAt(i) === 39 /* ' */) i++;
  return i < s.length && TRIGGERS.has(s[i]);
}

export function escapeFormula(s: string): string {
  if (s.length === 0) return s;
  const c = s.charCodeAt(0);
  // Fast path: most cells start with a letter, digit or CJK character.
  if (c !== 39 && !TRIGGERS.has(s[0])) return s;
  return quotedTrigger(s, 0) ? "'" + s : s;
}

export function unescapeFormula(s: string): string {
  if (s.length < 2 || s.charCodeAt(0) !== 39) return s;
  return quotedTrigger(s, 1) ? s.slice(1) : s;
}
