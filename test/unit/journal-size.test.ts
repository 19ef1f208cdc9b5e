/**
 * What the journal log says of the PDF it made counts rows and pages as built: a text longer
 * than a row goes on in the rows below it, so entries are not rows (an adversarial pass saw
 * «101 dòng, 11 trang» for a 63-page PDF).
 */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { getJournalFonts, getJournalForm } from '../../src/data/journal.ts';
import { addEntry } from '../../src/lib/checklist/entries.ts';
import { startRun } from '../../src/lib/checklist/runs.ts';
import { LIMITS } from '../../src/lib/checklist/schema.ts';
import { emptyStore } from '../../src/lib/checklist/state.ts';
import { buildJournal, journalSize } from '../../src/lib/journal/pdf.ts';
import { journalOfRun } from '../../src/lib/journal/run.ts';

describe('the size of a journal, as built', () => {
  it('gives the rows and pages of the PDF, long entries going on in the rows below', async () => {
    const now = new Date('2026-11-27T01:00:00.000Z');
    let store = startRun(
      emptyStore('lanh-dao-ca-truc'),
      { date: '2026-11-27', shiftStart: '07:30', shiftEnd: '16:30', timeZone: 'Asia/Ho_Chi_Minh' },
      now,
      'run-0001',
    );
    const long = 'Xe 51C-123.45 vào bãi, niêm phong bị cắt, đã lập biên bản. '.repeat(16);
    for (let n = 0; n < 20; n += 1)
      store = addEntry(
        store,
        {
          date: '2026-11-27',
          time: '08:00',
          kind: 'tinh-huong',
          content: long.slice(0, LIMITS.content),
        },
        `e-${String(n).padStart(4, '0')}`,
        now,
      );
    const form = getJournalForm('content');
    const fonts = getJournalFonts();
    const { options, lines } = journalOfRun(form, store.current!, { ticked: undefined });
    const size = journalSize(form, options, fonts);
    const pdf = await PDFDocument.load(await buildJournal(form, options, fonts));
    expect(size.pages).toBe(pdf.getPageCount());
    expect(size.rows).toBeGreaterThan(lines.length);
    expect(Math.ceil(lines.length / form.table.rowsPerPage)).toBeLessThan(size.pages);
  });
});
