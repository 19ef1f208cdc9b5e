/**
 * `npm run law` in-process: main(argv, io) with writers that keep what was written, in a
 * temporary folder of the test's own. What the diff lists is compared with the content's
 * own indexes (see law-diff.test.ts), never with ids written here.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import type { CliIo } from '../../src/lib/cli-io.ts';
import { articleSchema } from '../../src/lib/content/schema.ts';
import { main } from '../../src/lib/law/cli.ts';
import { loadReviewContext } from '../../src/lib/law/context.ts';
import { copyContent } from '../support/content-copy.ts';
import { tempDirs } from '../support/journal-cli.ts';
import { AMENDED, amendedText, SOURCE_FILE, withHeading } from '../support/law-texts.ts';

const tempDir = tempDirs('law-cli-');
const { handbook, drills, questions } = loadReviewContext('content');

async function run(argv: string[], cwd = resolve('.'), env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    cwd,
    env,
    now: () => new Date(),
  };
  const status = await main(argv, io);
  return { status, stdout, stderr };
}

/** A folder holding `files`, for one test. */
function folderWith(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const storedPoints = () => handbook.points.map((p) => [p.eId, p.text]);

describe('npm run law -- --help', () => {
  it('documents both verbs and their options', async () => {
    const { status, stdout, stderr } = await run(['--help']);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    for (const words of [
      'import TỆP',
      'diff TỆP',
      '--out TỆP',
      '--out-dir',
      '--html TỆP',
      '--article N',
      '--instrument',
      '--source',
      'Mã thoát',
    ])
      expect(stdout).toContain(words);
  });
});

describe('bad arguments: exit 2, one message, nothing written', () => {
  it.each([
    [[], 'law: lệnh: thiếu lệnh: import hoặc diff (xem --help)'],
    [['dich', 'a.txt'], 'law: lệnh: không có lệnh «dich»: dùng import hoặc diff (xem --help)'],
    [['diff'], 'law: diff: thiếu tệp văn bản: npm run law -- diff TỆP'],
    [['diff', 'a.txt', 'b.txt'], 'law: diff: thừa «b.txt»'],
    [['diff', 'a.txt', '--pages', '3'], 'law: --pages: không có tùy chọn này (xem --help)'],
    [['diff', 'a.txt', '--html'], 'law: --html: thiếu giá trị sau tùy chọn'],
    [['diff', 'a.txt', '--out', 'x.yaml'], 'law: --out: không dùng với lệnh diff (xem --help)'],
    [
      ['import', 'a.txt', '--html', 'x.html'],
      'law: --html: không dùng với lệnh import (xem --help)',
    ],
    [
      ['import', 'a.txt', '--out', 'a.yaml', '--out-dir', '.'],
      'law: --out: không dùng cùng --out-dir',
    ],
    [
      ['import', 'a.txt', '--article', 'bảy'],
      'law: --article: «bảy» không phải số điều (ví dụ --article 7)',
    ],
    [['import', 'a.txt', '--instrument', 'QĐ 888'], 'law: --instrument: «QĐ 888» không phải mã'],
    [['diff', 'khong-co.txt'], 'law: khong-co.txt: không có tệp này'],
  ])('%j', async (argv, message) => {
    const dir = tempDir();
    const { status, stdout, stderr } = await run(argv, dir);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(stderr.startsWith(message)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a file that is not UTF-8 text, or a folder', async () => {
    const dir = folderWith({ 'latin1.txt': '' });
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x44, 0x69, 0xea, 0x75, 0x20, 0x37]));
    expect((await run(['diff', 'latin1.txt'], dir)).stderr).toBe(
      'law: latin1.txt: không phải văn bản UTF-8\n',
    );
    expect((await run(['diff', '.'], dir)).stderr).toBe(
      'law: .: là thư mục; cho tệp văn bản (.txt)\n',
    );
  });
});

describe('npm run law -- diff', () => {
  it('exits 0 on the source’s own Article 7, as the web page gives it and with a «Điều 7.» line', async () => {
    const plain = await run(['diff', SOURCE_FILE, '--article', '7']);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain(
      `Điều 7: ${handbook.points.length} điểm trong văn bản (${handbook.points.length} không đổi).`,
    );
    expect(plain.stdout).toContain('dòng 1–9');
    const dir = folderWith({ 'dieu-7.txt': withHeading() });
    expect((await run(['diff', 'dieu-7.txt'], dir)).status).toBe(0);
  });

  it('exits 1 on an amended copy, naming the three points and everything that cites the changed and removed ones', async () => {
    const dir = folderWith({ 'sua-doi.txt': amendedText() });
    const { status, stdout, stderr } = await run(
      ['diff', 'sua-doi.txt', '--html', 'doi-chieu.html'],
      dir,
    );
    expect(stderr).toBe('');
    expect(status).toBe(1);
    for (const eId of [AMENDED.changed, AMENDED.removed, AMENDED.added]) {
      expect(stdout).toContain(`(${eId})`);
    }
    expect(stdout).toContain('■ Điểm c khoản 2 Điều 7 được sửa đổi');
    expect(stdout).toContain('■ Điểm c khoản 3.2 Điều 7 bị bỏ');
    expect(stdout).toContain('■ Điểm đ khoản 1 Điều 7 được thêm');
    expect(stdout).toContain('{+bằng văn bản+}');
    const html = readFileSync(join(dir, 'doi-chieu.html'), 'utf8');
    for (const eId of [AMENDED.changed, AMENDED.removed]) {
      const uses = handbook.usesOf(eId);
      const expected = [
        ...uses.map((u) => u.item ?? `${u.flow}/${u.node}`),
        ...drills.flatMap((d) =>
          d.injects.filter((i) => i.cites.includes(eId)).map((i) => `${d.id}/${i.id}`),
        ),
        ...questions.filter((q) => q.cites.includes(eId)).map((q) => q.id),
        ...handbook.readings.filter((r) => r.cites.includes(eId)).map((r) => r.id),
      ];
      expect(expected.length).toBeGreaterThan(5);
      // Each on its own line of its point's section, in the terminal and on the page.
      const section = stdout.slice(stdout.indexOf(`(${eId})`)).split('\n■ ')[0]!;
      for (const id of expected) {
        expect(section).toMatch(
          new RegExp(`^ {6}${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( —|$)`, 'm'),
        );
        expect(html).toContain(`<code>${id}</code>`);
      }
    }
    expect(html).toContain('<html lang="vi">');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<ins>bằng văn bản</ins>');
  });

  it('refuses a malformed text, naming its line, and writes no report', async () => {
    const dir = folderWith({
      'sai.txt': readFileSync('test/fixtures/law/diem-bi-bo-qua.txt', 'utf8'),
    });
    const { status, stdout, stderr } = await run(
      ['diff', 'sai.txt', '--html', 'bao-cao.html'],
      dir,
    );
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^law: sai\.txt: dòng 6: điểm d đứng ngay sau điểm b của khoản 1: thiếu điểm c/,
    );
    expect(readdirSync(dir)).toEqual(['sai.txt']);
  });

  it('exits 2 when the handbook’s content is broken', async () => {
    const copy = copyContent();
    try {
      copy.edit('moments.yaml', 'id: trong-ca', 'id: trong ca');
      const { status, stderr } = await run(['diff', SOURCE_FILE, '--article', '7'], resolve('.'), {
        CONTENT_ROOT: copy.root,
      });
      expect(status).toBe(2);
      expect(stderr).toMatch(/^law: nội dung của sổ tay có lỗi/);
    } finally {
      copy.remove();
    }
  });
});

describe('npm run law -- import', () => {
  it('prints the article as content, its points those of dieu-7.yaml', async () => {
    const { status, stdout, stderr } = await run(['import', SOURCE_FILE, '--article', '7']);
    expect(status).toBe(0);
    const article = articleSchema.parse(parse(stdout));
    expect(article.instrument).toBe(handbook.articles[0]!.instrument.id);
    expect(article.source).toBe(handbook.sources[0]!.id);
    const points = article.paragraphs.flatMap((p) => [
      ...(p.points ?? []).map((x) => [`art_7__para_${p.num}__point_${x.num}`, x.text]),
      ...(p.subparagraphs ?? []).flatMap((s) =>
        s.points.map((x) => [
          `art_7__para_${p.num}__subpara_${s.num.split('.')[1]}__point_${x.num}`,
          x.text,
        ]),
      ),
    ]);
    expect(points).toEqual(storedPoints());
    expect(stdout).toMatch(
      /^# Điều 7, nhập từ thu-ky-luat-2017-03-30\.txt \(SHA-256 [0-9a-f]{64}\)/,
    );
    // The report goes to stderr, so that the YAML can be piped.
    expect(stderr).toContain(
      'Điều 7 (văn bản không ghi tiêu đề), dòng 11–53: 3 khoản, 2 khoản con, 17 điểm.',
    );
    expect(stderr).toContain('dòng 55–69');
  });

  it('writes one article with --out, and refuses a malformed text without writing anything', async () => {
    const dir = folderWith({
      'dieu-7.txt': withHeading(),
      'sai.txt': readFileSync('test/fixtures/law/khoan-lap-lai.txt', 'utf8'),
    });
    const ok = await run(['import', 'dieu-7.txt', '--out', 'dieu-7.yaml'], dir);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`Đã ghi ${join(dir, 'dieu-7.yaml')}.`);
    expect(
      articleSchema.parse(parse(readFileSync(join(dir, 'dieu-7.yaml'), 'utf8'))).paragraphs,
    ).toHaveLength(3);
    const bad = await run(
      ['import', 'sai.txt', '--out', 'sai.yaml', '--instrument', 'qd-888-2017'],
      dir,
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('law: sai.txt: dòng 7: khoản 2 lặp lại (đã có ở dòng 5)\n');
    expect(existsSync(join(dir, 'sai.yaml'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['dieu-7.txt', 'dieu-7.yaml', 'sai.txt']);
  });

  it('writes several articles one file each with --out-dir, and prints them as YAML documents', async () => {
    const dir = folderWith({
      'nhieu-dieu.txt': readFileSync('test/fixtures/law/nhieu-dieu.txt', 'utf8'),
    });
    const refs = ['--instrument', 'qd-888-2017', '--source', handbook.sources[0]!.id];
    const one = await run(['import', 'nhieu-dieu.txt', '--out', 'a.yaml', ...refs], dir);
    expect(one.status).toBe(2);
    expect(one.stderr).toBe(
      'law: --out: văn bản có 2 điều; mỗi điều là một tệp: dùng --out-dir THƯ_MỤC, hoặc --article N\n',
    );
    const printed = await run(['import', 'nhieu-dieu.txt', ...refs], dir);
    expect(parseAllDocuments(printed.stdout).map((d) => articleSchema.parse(d.toJS()).num)).toEqual(
      ['6', '7'],
    );
    const written = await run(['import', 'nhieu-dieu.txt', '--out-dir', '.', ...refs], dir);
    expect(written.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['dieu-6.yaml', 'dieu-7.yaml', 'nhieu-dieu.txt']);
  });

  it('asks which instrument an article new to the handbook belongs to', async () => {
    const dir = folderWith({ 'dieu-9.txt': withHeading('Điều 9.') });
    const { status, stderr } = await run(['import', 'dieu-9.txt'], dir);
    expect(status).toBe(2);
    expect(stderr).toMatch(
      /^law: --instrument: sổ tay chưa có Điều 9: cho biết văn bản chứa nó \(một mã trong instruments\.yaml: qd-888-2017/,
    );
    const unknown = await run(
      ['import', 'dieu-9.txt', '--instrument', 'qd-1-2030', '--source', 'x'],
      dir,
    );
    expect(unknown.stderr).toMatch(
      /^law: --instrument: «qd-1-2030» không có trong instruments\.yaml/,
    );
  });
});
