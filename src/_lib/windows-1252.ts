// _lib: Windows-1252's bytes 0x80–0x9F, which text read as Latin-1 shows as C1 controls. Written out because Node
// 20's TextDecoder('windows-1252') decodes as plain Latin-1 (https://www.unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT).

/** Per byte 0x80–0x9F, the character it stands for (€ ’ … œ –); the five unassigned bytes keep their C1 code point. */
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

const C1 = /[\u0080-\u009F]/g;

/**
 * Every C1 control in `text` as the Windows-1252 character its byte stands for. The five unassigned bytes
 * (0x81 0x8D 0x8F 0x90 0x9D) mean nothing: `keep` leaves them (a linter reports them), `drop` removes them.
 */
export function replaceC1WithWindows1252(text: string, unassigned: 'keep' | 'drop'): string {
  return text.replace(C1, (c) => {
    const mapped = WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c;
    return mapped === c && unassigned === 'drop' ? '' : mapped;
  });
}
