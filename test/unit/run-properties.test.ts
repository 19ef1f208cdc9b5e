/**
 * Properties of shift runs over generated inputs (fast-check, fixed seed):
 *
 * 1. Export: any run state the state module accepts — whatever was typed into it, refused
 *    changes aside — exports to a journal PDF that qpdf --check accepts, whose fields hold
 *    every entry whole (pdf-lib) and whose text (pdftotext) shows every word of every entry.
 * 2. Two tabs: merging is the same whichever tab merges (commutative), merging twice
 *    changes nothing (idempotent), and a change made in one tab only is never lost.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { getJournalFonts, getJournalForm } from '../../src/data/journal.ts';
import {
  addEntry,
  KINDS,
  removeEntry,
  updateEntry,
  type EntryInput,
} from '../../src/lib/checklist/entries.ts';
import { mergeStores } from '../../src/lib/checklist/merge.ts';
import { ENTRY_KINDS, type Run, type Store } from '../../src/lib/checklist/schema.ts';
import { storeSchema } from '../../src/lib/checklist/store-schema.ts';
import {
  ChecklistError,
  emptyStore,
  setApproved,
  setDone,
  type RunInput,
} from '../../src/lib/checklist/state.ts';
import { setNote } from '../../src/lib/checklist/printable.ts';
import { endRun, setOfficer, startRun } from '../../src/lib/checklist/runs.ts';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { buildJournal } from '../../src/lib/journal/index.ts';
import { journalOfRun } from '../../src/lib/journal/run.ts';

const SEED = 20261129;
const handbook = loadHandbook('content');
const ROLE = 'lanh-dao-ca-truc';
const ITEMS = handbook.dutiesOf(ROLE).map((duty) => ({
  id: duty.id,
  action: duty.action,
  approval: duty.approval ? `Đã được ${handbook.role(duty.approval.by).name} phê duyệt` : undefined,
}));
const ZONE = 'Asia/Ho_Chi_Minh';
const START = Date.parse('2026-11-27T00:00:00.000Z');

// Letters a person types, wide ones (W, —), spaces, and characters the journal's font lacks
// (emoji, Hebrew, Chinese), so that refusals are exercised too.
const letter = fc.constantFrom(
  ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯWMwm0123456789'.split(''),
  'á',
  'ả',
  'ệ',
  'ọ',
  'Ừ',
  'ỹ',
  ' ',
  ' ',
  ' ',
  ',',
  '.',
  '—',
  '“',
  '”',
  '😀',
  'א',
  '海',
  '\u0301',
);
const text = (max: number) => fc.array(letter, { maxLength: max }).map((chars) => chars.join(''));
const clock = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const dayOf = fc.constantFrom('2026-11-26', '2026-11-27', '2026-11-28');

type Command =
  | { kind: 'entry'; input: EntryInput }
  | { kind: 'edit'; index: number; input: EntryInput }
  | { kind: 'remove'; index: number }
  | { kind: 'tick'; item: number; done: boolean }
  | { kind: 'approve'; item: number; approved: boolean }
  | { kind: 'note'; item: number; note: string }
  | { kind: 'officer'; officer: string }
  | { kind: 'end' };

const entryInput: fc.Arbitrary<EntryInput> = fc.record({
  date: dayOf,
  time: clock,
  kind: fc.constantFrom(...ENTRY_KINDS),
  content: text(230),
  direction: text(170),
  informed: text(170),
  result: text(120),
});
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: entryInput.map((input) => ({ kind: 'entry' as const, input })) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      index: fc.nat(20),
      input: entryInput,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), index: fc.nat(20) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('tick' as const),
      item: fc.nat(ITEMS.length - 1),
      done: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('approve' as const),
      item: fc.nat(ITEMS.length - 1),
      approved: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('note' as const),
      item: fc.nat(ITEMS.length - 1),
      note: text(340),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('officer' as const), officer: text(50) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'end' as const }) },
);
const runInput = fc.record({
  date: dayOf,
  shiftStart: clock,
  shiftEnd: clock,
  shift: text(70),
  officer: text(50),
});

/** Starts a run as the start form would; undefined when the form refuses the input. */
function begin(input: RunInput): Store | undefined {
  try {
    return startRun(emptyStore(ROLE), input, new Date(START), 'run-0001');
  } catch (error) {
    if (error instanceof ChecklistError) return undefined;
    throw error;
  }
}

/** Applies the commands a person might give, one minute apart from `startAt`; refused ones change nothing, as on the page. */
function apply(from: Store, commands: Command[], startAt: number, prefix = 'e'): Store {
  let store = from;
  let minute = 0;
  const now = () => new Date(startAt + (minute += 1) * 60_000);
  commands.forEach((step, index) => {
    const journal = store.current?.journal ?? [];
    const target =
      journal[
        step.kind === 'edit' || step.kind === 'remove'
          ? step.index % Math.max(1, journal.length)
          : 0
      ];
    try {
      switch (step.kind) {
        case 'entry':
          store = addEntry(store, step.input, `${prefix}-${String(index).padStart(4, '0')}`, now());
          break;
        case 'edit':
          if (target) store = updateEntry(store, target.id, step.input, now());
          break;
        case 'remove':
          if (target) store = removeEntry(store, target.id, now());
          break;
        case 'tick':
          store = setDone(store, ITEMS[step.item]!.id, step.done, now());
          break;
        case 'approve':
          store = setApproved(store, ITEMS[step.item]!.id, step.approved, now());
          break;
        case 'note':
          store = setNote(store, ITEMS[step.item]!.id, step.note, now());
          break;
        case 'officer':
          store = setOfficer(store, step.officer, now());
          break;
        case 'end':
          store = endRun(store, now());
          break;
      }
    } catch (error) {
      if (!(error instanceof ChecklistError)) throw error;
    }
  });
  return store;
}

const tools = ['qpdf', 'pdftotext'].filter((tool) => spawnSync('which', [tool]).status !== 0);
const inCi = process.env.CI === 'true';
if (tools.length > 0 && !inCi)
  console.warn(
    `!! SKIPPED run export property: ${tools.join(', ')} not installed (apt-get install qpdf poppler-utils)`,
  );
const describeTools = tools.length > 0 && !inCi ? describe.skip : describe;

const dir = mkdtempSync(join(tmpdir(), 'run-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const squash = (value: string) => value.normalize('NFC').replace(/\s+/g, '');

describeTools('every accepted run exports', () => {
  const form = getJournalForm('content');
  const fonts = getJournalFonts();

  it(
    'to a journal PDF that qpdf accepts, holding every entry and ticked item whole (200 generated runs)',
    { timeout: 600_000 },
    async () => {
      let exported = 0;
      await fc.assert(
        fc.asyncProperty(
          runInput,
          fc.array(command, { maxLength: 40 }),
          async (input, commands) => {
            const started = begin({ ...input, timeZone: ZONE });
            if (!started) return;
            const store = apply(started, commands, START);
            expect(storeSchema.safeParse(store).success).toBe(true);
            const run: Run = (store.current ?? store.history[0])!;
            const { options, lines } = journalOfRun(form, run, { ticked: ITEMS });
            const bytes = await buildJournal(form, options, fonts);
            exported += 1;

            const file = join(dir, 'run.pdf');
            writeFileSync(file, bytes);
            const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
            expect(check.status, check.stdout + check.stderr).toBe(0);

            // Every line's text is in the table's fields, whole and in order, however many rows it took.
            const doc = await PDFDocument.load(bytes);
            const fields = doc
              .getForm()
              .getFields()
              .map(
                (field) =>
                  [
                    field.getName(),
                    doc.getForm().getTextField(field.getName()).getText() ?? '',
                  ] as const,
              );
            const column = (id: string) =>
              squash(
                fields
                  .filter(([name]) => name.endsWith(`.${id}`))
                  .map(([, value]) => value)
                  .join(''),
              );
            const content = column('noi_dung');
            let from = 0;
            for (const line of lines) {
              const wanted = squash(
                line.kind ? `${KINDS[line.kind].label}: ${line.content}` : line.content,
              );
              const at = content.indexOf(wanted, from);
              expect(at, `${wanted} in ${content}`).toBeGreaterThanOrEqual(from);
              from = at + wanted.length;
            }
            for (const [id, part] of [
              ['chi_dao', 'direction'],
              ['thong_bao', 'informed'],
              ['ghi_chu', 'result'],
            ] as const) {
              expect(column(id)).toBe(squash(lines.map((line) => line[part] ?? '').join('')));
            }
            // And what a reader sees: every word of every entry is in the text poppler extracts.
            const shown = squash(
              execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }),
            );
            for (const line of lines) {
              for (const word of line.content
                .split(' ')
                .filter((w) => w.length > 0 && w.length <= 12))
                expect(shown).toContain(squash(word));
            }
          },
        ),
        { seed: SEED, numRuns: 200 },
      );
      // The generator must reach the PDF often enough for the property to mean something.
      expect(exported).toBeGreaterThan(100);
    },
  );
});

describe('two tabs merge without losing a change', () => {
  /** Two tabs that share a run, then each make their own changes, minutes apart. */
  const tabs = fc.record({
    base: fc.array(command, { maxLength: 10 }),
    a: fc.array(command, { maxLength: 12 }),
    b: fc.array(command, { maxLength: 12 }),
  });
  const input = {
    date: '2026-11-27',
    shiftStart: '07:30',
    shiftEnd: '16:30',
    shift: 'Ca ngày',
    officer: 'An',
    timeZone: ZONE,
  };

  /** The shared run after `base`, then tab A's and tab B's own changes on top of it (ending aside: both keep the run open). */
  const open = (commands: Command[]) => commands.filter((c) => c.kind !== 'end');
  const scenario = (base: Command[], a: Command[], b: Command[]) => {
    const start = apply(begin(input)!, open(base), START);
    return {
      start: start.current!,
      storeA: apply(start, open(a), START + 3_600_000, 'a'),
      storeB: apply(start, open(b), START + 3_600_000 + 30_000, 'b'),
    };
  };

  it('is the same in either tab, and merging again changes nothing (300 generated pairs)', () => {
    fc.assert(
      fc.property(tabs, ({ base, a, b }) => {
        const { storeA, storeB } = scenario(base, a, b);
        const ab = mergeStores(storeA, storeB);
        expect(JSON.stringify(mergeStores(storeB, storeA))).toBe(JSON.stringify(ab));
        expect(JSON.stringify(mergeStores(ab, ab))).toBe(JSON.stringify(ab));
        expect(JSON.stringify(mergeStores(ab, storeA))).toBe(JSON.stringify(ab));
        expect(storeSchema.safeParse(ab).success).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('keeps every note, tick and entry that only one tab changed (300 generated pairs)', () => {
    fc.assert(
      fc.property(tabs, ({ base, a, b }) => {
        const { start, storeA, storeB } = scenario(base, a, b);
        const merged = mergeStores(storeA, storeB).current!;
        const runA = storeA.current!;
        const runB = storeB.current!;
        const item = (run: Run, id: string) => run.items.find((i) => i.id === id);
        // A field a tab changed is one whose stamp moved (an untick of an untouched item is a change too).
        for (const { id } of ITEMS) {
          for (const [field, stamp] of [
            ['doneAt', 'done'],
            ['approvedAt', 'approved'],
            ['note', 'note'],
          ] as const) {
            const moved = (run: Run) =>
              item(run, id)?.stamps?.[stamp] !== item(start, id)?.stamps?.[stamp];
            if (moved(runA) && !moved(runB))
              expect(item(merged, id)?.[field]).toBe(item(runA, id)?.[field]);
            if (moved(runB) && !moved(runA))
              expect(item(merged, id)?.[field]).toBe(item(runB, id)?.[field]);
          }
        }
        const entry = (run: Run, id: string) =>
          JSON.stringify(run.journal.find((e) => e.id === id) ?? null);
        const ids = new Set([...runA.journal, ...runB.journal, ...start.journal].map((e) => e.id));
        for (const id of ids) {
          const [before, inA, inB] = [entry(start, id), entry(runA, id), entry(runB, id)];
          if (inA !== before && inB === before) expect(entry(merged, id)).toBe(inA);
          if (inB !== before && inA === before) expect(entry(merged, id)).toBe(inB);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('what the page shows when both tabs changed the same thing', () => {
  it('names the note and the entry this tab changed that the merge replaced, with both texts', async () => {
    const { replacedEdits, noteKey, entryKey } = await import('../../src/lib/checklist/merge.ts');
    const input = {
      date: '2026-11-27',
      shiftStart: '07:30',
      shiftEnd: '16:30',
      shift: '',
      officer: '',
      timeZone: ZONE,
    };
    const item = ITEMS[0]!.id;
    const entry: EntryInput = {
      date: '2026-11-27',
      time: '08:15',
      kind: 'cong-viec',
      content: 'Kiểm tra camera',
    };
    const base = addEntry(begin(input)!, entry, 'e-0001', new Date(START + 60_000));
    const mine = updateEntry(
      setNote(base, item, 'ghi ở thẻ A', new Date(START + 120_000)),
      'e-0001',
      { ...entry, content: 'Sửa ở thẻ A' },
      new Date(START + 120_000),
    );
    const theirs = removeEntry(
      setNote(base, item, 'ghi ở thẻ B', new Date(START + 180_000)),
      'e-0001',
      new Date(START + 180_000),
    );
    const merged = mergeStores(mine, theirs);
    expect(merged.current?.items.find((i) => i.id === item)?.note).toBe('ghi ở thẻ B');
    expect(merged.current?.journal).toEqual([]);
    const edited = new Set([noteKey('run-0001', item), entryKey('run-0001', 'e-0001')]);
    expect(replacedEdits(mine, merged, edited)).toEqual([
      { kind: 'note', runId: 'run-0001', itemId: item, mine: 'ghi ở thẻ A', kept: 'ghi ở thẻ B' },
      {
        kind: 'entry',
        runId: 'run-0001',
        entryId: 'e-0001',
        mine: mine.current!.journal[0],
        kept: null,
      },
    ]);
    // What this tab did not edit is not reported.
    expect(replacedEdits(mine, merged, new Set())).toEqual([]);
  });
});
