/**
 * Published texts of Article 7 for the law CLI's tests, made from the source document so
 * that the law is written once: the source with a «Điều 7.» line added, and an amended copy
 * (a point reworded, one removed, one added). The web page's lines around the law stay in.
 */
import { readFileSync } from 'node:fs';

export const SOURCE_FILE = 'content/sources/thu-ky-luat-2017-03-30.txt';

export const sourceText = (): string => readFileSync(SOURCE_FILE, 'utf8');

/** The one line of `lines` that starts (after its indent) with `start`; throws unless there is exactly one. */
function lineIndex(lines: string[], start: string): number {
  const found = lines.flatMap((line, index) => (line.trim().startsWith(start) ? [index] : []));
  if (found.length !== 1)
    throw new Error(`Expected one line starting ${JSON.stringify(start)}, found ${found.length}`);
  return found[0]!;
}

/** The source with `heading` on its own line just before clause 1 (and a blank line after it). */
export function withHeading(heading = 'Điều 7.', text = sourceText()): string {
  const lines = text.split('\n');
  lines.splice(lineIndex(lines, '1. Lãnh đạo ca trực.'), 0, `  ${heading}`, '');
  return lines.join('\n');
}

/** What the amended copy changes, by eId. */
export const AMENDED = {
  changed: 'art_7__para_2__point_c',
  removed: 'art_7__para_3__subpara_2__point_c',
  added: 'art_7__para_1__point_đ',
  /** The words the changed point gains. */
  addedWords: ['bằng văn bản', 'trong ca trực'],
  addedText: 'Bảo đảm hình ảnh của hệ thống giám sát trực tuyến trong ca trực được lưu giữ.',
} as const;

/** The source with «Điều 7.», 2 c reworded, 3.2 c removed and a point đ added to clause 1. */
export function amendedText(): string {
  const lines = withHeading().split('\n');
  const c2 = lineIndex(lines, 'c) Khi có thông tin, tình huống phát sinh thì chỉ đạo thu thập');
  lines[c2] = lines[c2]!.replace(
    'báo cáo, đề xuất phương án xử lý lên lãnh đạo ca trực và',
    'báo cáo bằng văn bản, đề xuất phương án xử lý lên lãnh đạo ca trực trong ca trực và',
  );
  lines.splice(lineIndex(lines, 'c) Trong quá trình thực hiện trực ban'), 1);
  lines.splice(
    lineIndex(lines, 'd) Khi có thông tin, tình huống phát sinh thì chỉ đạo ca trực') + 1,
    0,
    '',
    `  đ) ${AMENDED.addedText}`,
  );
  return lines.join('\n');
}
