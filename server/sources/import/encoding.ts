// CSV files must be UTF-8 (CONTRACTS §1). Excel on a Chinese Windows saves "CSV" as GBK by
// default, and reading that as UTF-8 would import mojibake names silently — so invalid UTF-8
// is refused, with the fix spelled out, instead of being replaced or guessed at.

const utf8 = new TextDecoder('utf-8', { fatal: true });

export type Checked = { ok: true } | { ok: false; line: number; reason: string };

function looksLikeGb18030(buf: Uint8Array): boolean {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false; // no ICU data for gb18030, or not GB18030 either
  }
}

/** The 1-based line of the first byte that is not valid UTF-8. */
function firstBadLine(buf: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(buf);
  const at = text.indexOf('\uFFFD');
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Checks that bytes are UTF-8 (a BOM is allowed); the caller parses the bytes themselves. */
export function checkUtf8(buf: Uint8Array, file: string): Checked {
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    return { ok: false, line: 1, reason: `${file} is UTF-16 ("Unicode text"), not UTF-8. Save it as 'CSV UTF-8 (逗号分隔)' in Excel.` };
  }
  try {
    utf8.decode(buf);
    return { ok: true };
  } catch {
    const guess = looksLikeGb18030(buf) ? ' (looks like GBK/GB18030)' : '';
    return {
      ok: false,
      line: firstBadLine(buf),
      reason:
        `${file} is not UTF-8${guess}. Save it as 'CSV UTF-8 (逗号分隔)' in Excel or convert with: ` +
        `iconv -f GBK -t UTF-8 ${file} > ${file.replace(/\.csv$/i, '')}.utf8.csv`,
    };
  }
}
