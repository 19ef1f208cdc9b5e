/**
 * `npm run journal -- --entries run.json`, its `main` called in process (the README's example
 * runs it as a process): the journal filled from a shift run file holds the same rows as the
 * module makes from the same run (read back with pdf-lib), twice the same bytes; every bad
 * file exits 2 with one message naming the file and the field, and writes nothing.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { journal, tempDirs } from '../support/journal-cli.ts';
import { addEntries, cameraEntry, entry, nightShift } from '../support/journal-runs.ts';
import { getJournalForm } from '../../src/data/journal.ts';
import { runFile, serialiseRunFile } from '../../src/lib/checklist/run-file.ts';
import { emptyStore, setDone } from '../../src/lib/checklist/state.ts';
import { setNote } from '../../src/lib/checklist/printable.ts';
import { endRun, startRun } from '../../src/lib/checklist/runs.ts';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { journalOfRun } from '../../src/lib/journal/run.ts';

const tempDir = tempDirs('journal-entries-');
const run = (args: string[], cwd: string) => journal(args, cwd);

const ROLE = 'lanh-dao-ca-truc';
function runData() {
  const now = new Date('2026-11-27T17:00:00.000Z');
  const night = nightShift({ officer: 'Lê Văn Cường' });
  let store = startRun(emptyStore(ROLE), night, new Date('2026-11-27T15:00:00.000Z'), 'run-0001');
  store = addEntries(
    store,
    [
      ['e-0001', cameraEntry()],
      [
        'e-0002',
        entry('23:40', 'Tờ khai 105678912340 luồng xanh có dấu hiệu khai sai mã số', {
          kind: 'thong-tin',
          direction: 'Chuyển luồng vàng, kiểm tra hồ sơ',
        }),
      ],
      [
        'e-0003',
        entry('02:05', 'Bàn giao số liệu cho ca sau', { date: '2026-11-28', kind: 'cong-viec' }),
      ],
    ],
    now,
  );
  store = setNote(
    setDone(store, 'art_7__para_1__point_c', true, new Date('2026-11-27T15:05:00.000Z')),
    'art_7__para_1__point_c',
    'đã phân công ca',
    now,
  );
  store = endRun(store, new Date('2026-11-28T00:00:00.000Z'));
  return JSON.parse(
    serialiseRunFile(runFile(store.history[0]!, new Date('2026-11-28T00:05:00.000Z'))),
  ) as Record<string, any>;
}

/** Every filled value of a journal, by field name. */
async function filled(file: string): Promise<Record<string, string>> {
  const doc = await PDFDocument.load(readFileSync(file));
  const form = doc.getForm();
  return Object.fromEntries(
    form.getFields().flatMap((f) => {
      const text = form.getTextField(f.getName()).getText() ?? '';
      return text ? [[f.getName(), text]] : [];
    }),
  );
}

describe('npm run journal -- --entries', { timeout: 180_000 }, () => {
  it('fills the journal with the rows the module makes from the same run, the same bytes every time', async () => {
    const dir = tempDir();
    const data = runData();
    writeFileSync(join(dir, 'ca.json'), JSON.stringify(data, null, 2));
    const first = await run(['--entries', 'ca.json', '--out', 'nhat-ky.pdf'], dir);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Wrote nhat-ky\.pdf from ca\.json: 3 rows, [\d.]+ KB\.\n$/);

    const form = getJournalForm('content');
    const { options } = journalOfRun(form, data.run, {});
    // The unit line holds the form's default (content/forms/phu-luc-1.yaml) when --unit is not given.
    const expected: Record<string, string> = {
      ngay: '27/11/2026',
      don_vi: 'CỤC HẢI QUAN',
      ...options.header,
    };
    options.rows!.forEach((row, index) => {
      for (const [column, text] of Object.entries(row))
        expected[`p1.r${String(index + 1).padStart(2, '0')}.${column}`] = text;
    });
    expect(await filled(join(dir, 'nhat-ky.pdf'))).toEqual(expected);
    expect(expected).toMatchObject({
      ca_tu: '22:00',
      ca_den: '06:00',
      lanh_dao_ca_truc: 'Lê Văn Cường',
      'p1.r01.noi_dung': 'Tình huống phát sinh: Camera cổng số 3 mất tín hiệu',
      'p1.r02.chi_dao': 'Chuyển luồng vàng, kiểm tra hồ sơ',
      'p1.r03.thoi_gian': '02:05 28/11/2026',
    });

    expect((await run(['--entries', 'ca.json', '--out', 'again.pdf'], dir)).status).toBe(0);
    expect(
      readFileSync(join(dir, 'again.pdf')).equals(readFileSync(join(dir, 'nhat-ky.pdf'))),
    ).toBe(true);
  });

  it('adds the ticked items with --ticked, and takes --unit and --pages', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ca.json'), JSON.stringify(runData()));
    const result = await run(
      [
        '--entries',
        'ca.json',
        '--ticked',
        '--unit',
        'Cục Điều tra chống buôn lậu',
        '--pages',
        '2',
        '--out',
        'x.pdf',
      ],
      dir,
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('4 rows');
    const values = await filled(join(dir, 'x.pdf'));
    expect(values).toMatchObject({
      don_vi: 'CỤC ĐIỀU TRA CHỐNG BUÔN LẬU',
      'p1.r01.thoi_gian': '22:05',
      'p1.r01.noi_dung':
        'Công việc thực hiện: Tổ chức, phân công công việc, chỉ đạo công chức trực ban thực hiện nhiệm vụ của ca trực',
      'p1.r01.ghi_chu': 'đã phân công ca',
      'p1.r02.noi_dung': 'Tình huống phát sinh: Camera cổng số 3 mất tín hiệu',
    });
    expect((await PDFDocument.load(readFileSync(join(dir, 'x.pdf')))).getPageCount()).toBe(2);
  });

  it('with --ticked, an item marked «không phát sinh trong ca» is a row that says so, at its time; a version 2 file reads as before', async () => {
    const dir = tempDir();
    const data = runData();
    // 1 d's first item did not arise in this night shift: marked at 23:00 in Hà Nội.
    const marked = Date.parse('2026-11-27T16:00:00.000Z');
    data.run.items.push({
      id: 'art_7__para_1__point_d--lam-ro',
      notArisenAt: new Date(marked).toISOString(),
      stamps: { done: marked },
    });
    writeFileSync(join(dir, 'ca.json'), JSON.stringify(data));
    const result = await run(['--entries', 'ca.json', '--ticked', '--out', 'x.pdf'], dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('5 rows');
    const values = await filled(join(dir, 'x.pdf'));
    const rows = Object.keys(values)
      .filter((key) => key.endsWith('.ghi_chu') && values[key] === 'Không phát sinh trong ca')
      .map((key) => key.replace(/\.ghi_chu$/, ''));
    expect(rows, 'one row says the item did not arise').toHaveLength(1);
    expect(values[`${rows[0]}.thoi_gian`]).toBe('23:00');
    // The item's action, which may go on in the rows below (the journal never shrinks it).
    expect(values[`${rows[0]}.noi_dung`]).toMatch(
      /^Công việc thực hiện: Khi có thông tin, tình huống phát sinh/,
    );

    writeFileSync(join(dir, 'v2.json'), JSON.stringify({ ...runData(), version: 2 }));
    const older = await run(['--entries', 'v2.json', '--ticked', '--out', 'v2.pdf'], dir);
    expect(older.status, older.stderr).toBe(0);
    expect(older.stdout).toContain('4 rows');
  });

  it('a matter followed is a row where it happened, saying it is still followed or when it ended, and its closing a row where it closed', async () => {
    const dir = tempDir();
    const data = runData();
    // The camera (22:15) is followed and closed at 01:10 the next day; the 23:40 entry stays open.
    const [camera, declaration] = data.run.journal;
    Object.assign(camera, {
      followUp: true,
      closedAt: '2026-11-28T01:10',
      outcome: 'Đã thay bộ chuyển mạch, camera hoạt động lại',
    });
    Object.assign(declaration, { followUp: true });
    writeFileSync(join(dir, 'ca.json'), JSON.stringify(data));
    const result = await run(['--entries', 'ca.json', '--out', 'x.pdf'], dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('4 rows');
    const values = await filled(join(dir, 'x.pdf'));
    const rowAt = (time: string) =>
      Object.keys(values)
        .filter((key) => key.endsWith('.thoi_gian') && values[key] === time)
        .map((key) => key.replace(/\.thoi_gian$/, ''));
    const [closing] = rowAt('01:10 28/11/2026');
    expect(values[`${closing}.noi_dung`]).toMatch(/^Kết thúc việc ghi lúc 22:15: /);
    expect(values[`${closing}.ghi_chu`]).toBe('Đã thay bộ chuyển mạch, camera hoạt động lại');
    const [opened] = rowAt('22:15');
    expect(values[`${opened}.ghi_chu`]).toMatch(/Kết thúc lúc 01:10 28\/11\/2026$/);
    const [open] = rowAt('23:40');
    expect(values[`${open}.ghi_chu`]).toBe('Việc đang theo dõi, chưa kết thúc');

    // A closing without its result is refused, naming the field.
    delete camera.outcome;
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(data));
    const bad = await run(['--entries', 'bad.json', '--out', 'bad.pdf'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/run\.journal\[0\]\.closedAt: a matter closed needs both/);
    expect(readdirSync(dir)).not.toContain('bad.pdf');
  });

  const edit = (change: (data: Record<string, any>) => void) => {
    const data = runData();
    change(data);
    return JSON.stringify(data, null, 2);
  };
  const bad: [string, string | Buffer, RegExp][] = [
    [
      'not JSON at all',
      'ngày 27/11: camera hỏng',
      /^journal: --entries: ca\.json: the file: is not JSON \(/,
    ],
    [
      'not UTF-8',
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
      /^journal: --entries: ca\.json: is not UTF-8 text$/,
    ],
    [
      'another format',
      JSON.stringify({ format: 'so-tay-truc-ban/checklist', version: 2, role: ROLE }),
      /^journal: --entries: ca\.json: format: expected "so-tay-truc-ban\/ca-truc": this is not a shift run file/,
    ],
    [
      'a newer version',
      edit((d) => (d.version = 5)),
      /^journal: --entries: ca\.json: version: is 5: the file was written by a newer version of the handbook; this one reads version 4$/,
    ],
    ['a missing run', edit((d) => delete d.run), /^journal: --entries: ca\.json: run: is missing$/],
    [
      'a missing entry field',
      edit((d) => delete d.run.journal[0].kind),
      /^journal: --entries: ca\.json: run\.journal\[0\]\.kind: is missing$/,
    ],
    [
      'a bad entry time',
      edit((d) => (d.run.journal[2].at = '2026-11-28T24:05')),
      /^journal: --entries: ca\.json: run\.journal\[2\]\.at: expected a local time written YYYY-MM-DDTHH:MM/,
    ],
    [
      'an unknown time zone',
      edit((d) => (d.run.timeZone = 'Asia/Sai_Gon')),
      /^journal: --entries: ca\.json: run\.timeZone: expected a time zone name/,
    ],
    [
      'an entry outside the run',
      edit((d) => (d.run.journal[0].at = '2026-01-01T08:00')),
      /^journal: --entries: ca\.json: run\.journal\[0\]\.at: lies outside the run's shift by more than the shift's own length, found "2026-01-01T08:00"$/,
    ],
    [
      'an end before the start',
      edit((d) => (d.run.endedAt = '2026-11-27T14:00:00.000Z')),
      /^journal: --entries: ca\.json: run\.endedAt: expected a time not before the run's start/,
    ],
    [
      'a run dated 2099',
      edit((d) => (d.run.date = '2099-01-01')),
      /^journal: --entries: ca\.json: run\.date: lies after today/,
    ],
    [
      'text the font cannot show',
      edit((d) => (d.run.journal[1].content = 'Hàng hoá 货物')),
      /^journal: --entries: ca\.json: run\.journal\[1\]\.content: the journal's font cannot show U\+8D27 \(货\), U\+7269 \(物\)$/,
    ],
    [
      'a role the handbook does not have',
      edit((d) => (d.run.role = 'lanh-dao-khac')),
      /^journal: --entries: ca\.json: run\.role: "lanh-dao-khac" is not a role with a checklist in this handbook$/,
    ],
  ];
  it.each(bad)(
    'exits 2 for %s, naming the file and the field, writing nothing',
    async (_what, content, message) => {
      const dir = tempDir();
      writeFileSync(join(dir, 'ca.json'), content);
      const result = await run(['--entries', 'ca.json', '--out', 'nhat-ky.pdf'], dir);
      expect(result.status, result.stdout).toBe(2);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(readdirSync(dir)).toEqual(['ca.json']);
    },
  );

  it('continues a ticked item whose note does not fit one row onto the rows below it', async () => {
    const dir = tempDir();
    const note =
      'Đã phân công ca trực và nhắc lại quy định khai thác dữ liệu tại địa điểm trực ban. '
        .repeat(3)
        .trim();
    writeFileSync(
      join(dir, 'ca.json'),
      edit((d) => (d.run.items[0].note = note)),
    );
    const result = await run(['--entries', 'ca.json', '--ticked', '--out', 'x.pdf'], dir);
    expect(result.status, result.stderr).toBe(0);
    const values = await filled(join(dir, 'x.pdf'));
    const notes = Object.keys(values)
      .filter((name) => name.endsWith('.ghi_chu'))
      .sort()
      .map((name) => values[name]);
    expect(notes.length).toBeGreaterThan(1);
    expect(notes.join(' ')).toBe(`${note} Đã khắc phục`);
  });

  const usage: [string, string[], RegExp][] = [
    [
      'a missing file',
      ['--entries', 'nope.json'],
      /^journal: --entries: the file nope\.json does not exist$/,
    ],
    [
      '--date with --entries',
      ['--entries', 'ca.json', '--date', '2026-11-27'],
      /^journal: --date: cannot be used with --entries: the date is the run's$/,
    ],
    [
      '--from/--to with --entries',
      ['--entries', 'ca.json', '--from', '2026-11-27', '--to', '2026-11-28'],
      /^journal: --entries: cannot be used with --from\/--to/,
    ],
    ['--ticked without --entries', ['--ticked'], /^journal: --ticked: is for --entries FILE$/],
  ];
  it.each(usage)('exits 2 for %s, writing nothing', async (_what, args, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ca.json'), JSON.stringify(runData()));
    mkdirSync(join(dir, 'sub'));
    const result = await run(args, dir);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(message);
    expect(readdirSync(dir).sort()).toEqual(['ca.json', 'sub']);
  });

  it('lists --entries and --ticked in --help', async () => {
    const help = (await run(['--help'], tempDir())).stdout;
    expect(help).toContain('--entries FILE');
    expect(help).toContain('--ticked');
  });
});

// The shift in the file is what the handbook's content names: keep the test honest if it changes.
it('uses an item of the shift leader’s checklist', () => {
  expect(
    loadHandbook('content')
      .dutiesOf(ROLE)
      .map((d) => d.id),
  ).toContain('art_7__para_1__point_c');
});
