/**
 * The text of a CSV file: UTF-8 with or without BOM, or UTF-16 LE/BE with a BOM (Excel's
 * "Unicode text"). Anything that is not valid UTF-8 is refused rather than guessed at:
 * a mis-decoded name or answer would be stored as it was misread.
 */
export type DecodedText = { ok: true; text: string } | { ok: false; problem: string };

export const SAVE_AS_UTF8 = 'the file is not UTF-8 text: in your spreadsheet program, save it as "CSV UTF-8 (comma delimited)" and upload it again';

export function decodeCsvText(bytes: Uint8Array): DecodedText {
  let encoding = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ['utf-16be', 2];
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
    // NUL never belongs in a sheet's text (and PostgreSQL text cannot hold it): UTF-16 without a BOM looks like this.
    if (text.includes('\u0000')) return { ok: false, problem: SAVE_AS_UTF8 };
    return { ok: true, text };
  } catch {
    return { ok: false, problem: SAVE_AS_UTF8 };
  }
}
