/**
 * The journal in real tools: qpdf --check, pdffonts (every font embedded), and text typed
 * in with pdf.js (pdfjs-dist), saved, then rendered by poppler (pdftoppm) and read back
 * (pdftotext). Without a tool these tests skip loudly; under CI=true they fail instead.
 * The PNGs are kept in test-results/journal/ to be looked at.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJournalFonts, getJournalForm } from '../../src/data/journal.ts';
import { buildJournal } from '../../src/lib/journal/index.ts';

const tools = ['qpdf', 'pdffonts', 'pdftoppm', 'pdftotext'] as const;
const missing = tools.filter((tool) => spawnSync('which', [tool]).status !== 0);
const inCi = process.env.CI === 'true';
if (missing.length > 0 && !inCi)
  console.warn(
    `!! SKIPPED journal viewer tests: ${missing.join(', ')} not installed (apt-get install qpdf poppler-utils)`,
  );
const describeTools = missing.length > 0 && !inCi ? describe.skip : describe;

const out = resolve('test-results/journal');
const typed =
  'Tiếp nhận thông tin: tờ khai nghi vấn ở cảng Hải Phòng; đã báo cáo lãnh đạo ca trực, chờ ý kiến.';
let files: { blank1: string; blank10: string; filled: string };

beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  const form = getJournalForm();
  const fonts = getJournalFonts();
  files = {
    blank1: join(out, 'blank-1.pdf'),
    blank10: join(out, 'blank-10.pdf'),
    filled: join(out, 'prefilled.pdf'),
  };
  writeFileSync(files.blank1, await buildJournal(form, { pages: 1 }, fonts));
  writeFileSync(files.blank10, await buildJournal(form, { pages: 10 }, fonts));
  writeFileSync(
    files.filled,
    await buildJournal(
      form,
      {
        pages: 1,
        unit: 'Phòng Giám sát hải quan trực tuyến',
        date: '2025-03-04',
        shift: '07:30-16:30',
      },
      fonts,
    ),
  );
});

/** Fonts listed by pdffonts: name and the "emb" column. */
function fontsOf(file: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/);
    // name type… encoding emb sub uni object ID: "emb" is the fifth column from the end.
    return { name: columns[0]!, embedded: columns.at(-5) === 'yes' };
  });
}

describeTools('the journal in real PDF tools', { timeout: 60_000 }, () => {
  it('passes qpdf --check', () => {
    for (const file of Object.values(files)) {
      const result = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
      expect(result.status, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toMatch(/No syntax or stream encoding errors found/);
    }
  });

  it('lists only embedded fonts in pdffonts', () => {
    for (const file of Object.values(files)) {
      const fonts = fontsOf(file);
      expect(fonts.map((font) => font.name.replace(/-\d+$/, '')).sort()).toEqual([
        'Tinos-Bold',
        'Tinos-Regular',
      ]);
      expect(fonts.filter((font) => !font.embedded)).toEqual([]);
    }
  });

  it('keeps Vietnamese typed in pdf.js: saved, rendered by poppler, read back with its diacritics', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = pdfjs.getDocument({
      data: new Uint8Array(readFileSync(files.blank1)),
      verbosity: 0,
    });
    const doc = await task.promise;
    const annotations = (await (await doc.getPage(1)).getAnnotations()) as {
      id: string;
      fieldName?: string;
      alternativeText?: string;
    }[];
    const cell = annotations.find((annotation) => annotation.fieldName === 'p1.r01.noi_dung');
    const unit = annotations.find((annotation) => annotation.fieldName === 'don_vi');
    expect(cell?.alternativeText).toMatch(/^Trang 1, dòng 1: Nội dung công việc/);
    doc.annotationStorage.setValue(cell!.id, { value: typed });
    doc.annotationStorage.setValue(unit!.id, { value: 'Phòng Giám sát hải quan trực tuyến' });
    const saved = join(out, 'typed-in-pdfjs.pdf');
    writeFileSync(saved, await doc.saveDocument());
    await task.destroy();

    // pdf.js wrote its appearance with the field's own font: nothing unembedded crept in.
    expect(fontsOf(saved).filter((font) => !font.embedded)).toEqual([]);
    expect(spawnSync('qpdf', ['--check', saved]).status).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', saved, '-'], { encoding: 'utf8' })
      .normalize('NFC')
      .replace(/\s+/g, ' ');
    expect(text).toContain('Tiếp nhận thông tin: tờ khai nghi vấn ở cảng Hải Phòng; đã');
    expect(text).toContain('báo cáo lãnh đạo ca trực, chờ ý kiến.');
    expect(text).toContain('Phòng Giám sát hải quan trực tuyến');

    for (const [file, name] of [
      [saved, 'typed-in-pdfjs'],
      [files.blank1, 'blank-1'],
      [files.filled, 'prefilled'],
    ] as const) {
      execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', file, join(out, name)]);
      expect(statSync(join(out, `${name}-1.png`)).size).toBeGreaterThan(10_000);
    }
  });
});
