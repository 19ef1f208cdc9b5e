/**
 * `npm run law -- import|diff FILE …`: brings a published text of the law into the handbook.
 * `import` turns it into content (content/articles/*.yaml); `diff` compares it with the
 * content and lists, for each changed or removed point, what in the handbook cites it.
 * Bad input exits 2 with one message («law: van-ban.txt: dòng 14: …») and writes nothing;
 * files are written whole under a temporary name, then renamed.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  lstatSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIo } from '../cli-io.ts';
import { ContentError } from '../content/errors.ts';
import type { Handbook } from '../content/handbook.ts';
import { loadReviewContext } from './context.ts';
import { hasChanges } from './diff.ts';
import { eIdOf } from './eid.ts';
import type { ReviewContext } from './impact.ts';
import { articleYaml, toArticle, type ArticleRefs } from './import.ts';
import {
  parsePublished,
  PublishedTextError,
  type PublishedArticle,
  type PublishedText,
} from './parse-published.ts';
import { htmlReport } from './report-html.ts';
import { leftOutLine, textReport } from './report.ts';
import { reviewText } from './review.ts';

export const HELP = `Cách dùng: npm run law -- LỆNH TỆP [tùy chọn]

Đưa văn bản đã công bố của một hay nhiều điều (in như văn bản quy phạm pháp luật:
«Điều 7. Tiêu đề», khoản «1.», khoản con «3.1.», điểm «a)» … «đ)» …, mỗi khoản, điểm
một dòng) vào sổ tay. Các dòng khác của tệp (lời dẫn, chân trang) được bỏ qua và liệt kê.

  import TỆP          chuyển văn bản thành nội dung của sổ tay (content/articles/dieu-N.yaml):
                      từng điểm nguyên văn, tiêu đề giữ nguyên; in ra YAML
    --out TỆP         ghi vào tệp thay vì in ra (văn bản chỉ có một điều)
    --out-dir THƯ_MỤC ghi mỗi điều một tệp dieu-N.yaml vào thư mục (đã có sẵn)
    --instrument MÃ   văn bản chứa điều (mã trong content/instruments.yaml); mặc định:
                      văn bản của điều cùng số trong sổ tay
    --source MÃ       nguồn trích (mã trong content/sources/sources.yaml); mặc định:
                      nguồn của điều cùng số trong sổ tay

  diff TỆP            so sánh văn bản với nội dung của sổ tay, từng điểm: không đổi, sửa
                      đổi (chữ bị bỏ, chữ được thêm), bị bỏ, thêm mới; với mỗi điểm sửa
                      đổi hay bị bỏ, mọi chỗ dẫn điểm đó: việc trong danh sách kiểm tra,
                      nút của quy trình, tình huống diễn tập, câu hỏi luyện tập, cách hiểu
                      của sổ tay, đoạn trích (carries) không còn khớp
    --html TỆP        ghi thêm báo cáo thành một trang để đọc và in

  --article N         số điều, khi văn bản không có dòng «Điều N.»; khi có nhiều điều,
                      chỉ lấy Điều N
  --help              xem hướng dẫn này

Mã thoát: 0 xong (diff: không có gì khác), 1 diff: văn bản khác nội dung của sổ tay,
2 đầu vào sai hoặc nội dung của sổ tay có lỗi (không ghi tệp nào).`;

/** One message for the user, about one option or the input file; exit status 2. */
class UsageError extends Error {
  constructor(
    readonly subject: string,
    message: string,
  ) {
    super(message);
  }
}

const OPTIONS = {
  out: { type: 'string' },
  'out-dir': { type: 'string' },
  instrument: { type: 'string' },
  source: { type: 'string' },
  html: { type: 'string' },
  article: { type: 'string' },
  help: { type: 'boolean' },
} as const;

const VERB_OPTIONS: Record<'import' | 'diff', readonly string[]> = {
  import: ['out', 'out-dir', 'instrument', 'source', 'article'],
  diff: ['html', 'article'],
};

/** At most about 80 characters of a value the user gave, quoted. */
const quote = (value: string): string =>
  `«${value.length > 80 ? `${value.slice(0, 77)}…` : value}»`;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option =
      /'(-{1,2}[^'\s]+)/.exec(message)?.[1] ?? /(--[\w-]+)/.exec(message)?.[1] ?? 'tham số';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new UsageError(option, 'không có tùy chọn này (xem --help)');
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(/(--[\w-]+)/.exec(message)?.[1] ?? option, 'thiếu giá trị sau tùy chọn');
    throw error;
  }
}

/** The verb, its file and its options, checked before anything is read. */
function command(argv: string[]) {
  const { values, positionals } = parse(argv);
  if (values.help) return { help: true as const };
  const [verb, file, ...extra] = positionals;
  if (verb === undefined) throw new UsageError('lệnh', 'thiếu lệnh: import hoặc diff (xem --help)');
  if (verb !== 'import' && verb !== 'diff')
    throw new UsageError(
      'lệnh',
      `không có lệnh ${quote(verb)}: dùng import hoặc diff (xem --help)`,
    );
  if (file === undefined)
    throw new UsageError(verb, 'thiếu tệp văn bản: npm run law -- ' + verb + ' TỆP');
  if (extra.length > 0)
    throw new UsageError(
      verb,
      `thừa ${quote(extra[0]!)}: mỗi lần một tệp; giá trị đi sau tùy chọn của nó, ví dụ --out dieu-7.yaml`,
    );
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && name !== 'help' && !VERB_OPTIONS[verb].includes(name))
      throw new UsageError(`--${name}`, `không dùng với lệnh ${verb} (xem --help)`);
  }
  if (values.out !== undefined && values['out-dir'] !== undefined)
    throw new UsageError(
      '--out',
      'không dùng cùng --out-dir: --out ghi một điều vào một tệp, --out-dir mỗi điều một tệp',
    );
  if (values.article !== undefined && !/^[0-9]+[a-z]?$/.test(values.article))
    throw new UsageError(
      '--article',
      `${quote(values.article)} không phải số điều (ví dụ --article 7)`,
    );
  for (const name of ['instrument', 'source'] as const) {
    const id = values[name];
    if (id !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))
      throw new UsageError(
        `--${name}`,
        `${quote(id)} không phải mã: chữ thường không dấu, số và gạch nối, ví dụ qd-888-2017`,
      );
  }
  return { help: false as const, verb, file, options: values };
}

type Options = Extract<ReturnType<typeof command>, { help: false }>['options'];

/** Refuses a target that is not a regular file or missing, in a folder that exists. */
function checkTarget(path: string, option: string): void {
  try {
    if (!statSync(dirname(path)).isDirectory()) throw new Error();
  } catch {
    throw new UsageError(option, `không có thư mục ${quote(dirname(path))}`);
  }
  let stats;
  try {
    stats = lstatSync(path);
  } catch {
    return;
  }
  if (stats.isDirectory())
    throw new UsageError(option, `${quote(path)} là thư mục; cho một tên tệp`);
  if (!stats.isFile())
    throw new UsageError(option, `${quote(path)} không phải tệp thường; chỉ ghi vào tệp thường`);
}

/** Writes every file under a temporary name, then renames them all: none is left half-written. */
function writeAll(files: { path: string; text: string }[], option: string): void {
  const temps: string[] = [];
  try {
    for (const { path, text } of files) {
      const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
      const fd = openSync(temp, 'wx', 0o644);
      temps.push(temp);
      try {
        const bytes = Buffer.from(text, 'utf8');
        for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    files.forEach(({ path }, index) => renameSync(temps[index]!, path));
  } catch (error) {
    for (const temp of temps) rmSync(temp, { force: true });
    throw new UsageError(option, `không ghi được: ${(error as Error).message}`);
  }
}

/** Published texts are small; anything larger is not one. */
const MAX_BYTES = 5 * 1024 * 1024;

/** The input file as text, or a UsageError naming it. */
function readText(path: string, name: string): { text: string; sha256: string } {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory())
      throw new UsageError(name, 'là thư mục; cho tệp văn bản (.txt)');
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      name,
      code === 'ENOENT' ? 'không có tệp này' : `không đọc được: ${(error as Error).message}`,
    );
  }
  if (bytes.length > MAX_BYTES)
    throw new UsageError(
      name,
      `${bytes.length} byte: quá lớn cho văn bản của một vài điều (tối đa 5 MB)`,
    );
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, sha256: createHash('sha256').update(bytes).digest('hex') };
  } catch {
    throw new UsageError(name, 'không phải văn bản UTF-8');
  }
}

function readPublished(
  path: string,
  name: string,
  article: string | undefined,
): PublishedText & { sha256: string } {
  const { text, sha256 } = readText(path, name);
  try {
    return { ...parsePublished(text, article === undefined ? {} : { article }), sha256 };
  } catch (error) {
    if (error instanceof PublishedTextError) throw new UsageError(name, error.message);
    throw error;
  }
}

/** The content under the project's content root (or CONTENT_ROOT), with its drills and questions. */
function reviewContext(io: CliIo): ReviewContext {
  const project = resolve(import.meta.dirname, '../../..');
  return loadReviewContext(resolve(project, io.env.CONTENT_ROOT || 'content'));
}

/** «Điều 7 (dòng 11–53): 3 khoản, 2 khoản con, 17 điểm». */
function articleLine(article: PublishedArticle): string {
  const subs = article.paragraphs.flatMap((p) => p.subparagraphs);
  const points = article.paragraphs.reduce(
    (sum, p) =>
      sum + p.points.length + p.subparagraphs.reduce((s, sub) => s + sub.points.length, 0),
    0,
  );
  const title = article.heading ? ` «${article.heading}»` : ' (văn bản không ghi tiêu đề)';
  return `Điều ${article.num}${title}, dòng ${article.line}–${article.lastLine}: ${article.paragraphs.length} khoản, ${subs.length} khoản con, ${points} điểm.`;
}

/**
 * Where the article's law starts and ends in the file: what content/sources/sources.yaml
 * says of a source (law.from, law.to) so that the build can compare the article with it.
 */
function sourceMarkers(article: PublishedArticle): string {
  const first = article.paragraphs[0]!;
  const last = article.paragraphs.at(-1)!;
  const holder = last.subparagraphs.at(-1) ?? last;
  const to = holder.points.at(-1)!.text;
  return `Điều ${article.num}, để ghi nguồn trong sources.yaml: law.from "${first.num}. ${first.heading}", law.to "${to}".`;
}

/** The ids each article's file names: given, or those of the stored article with its number. */
function refsOf(
  article: PublishedArticle,
  values: { instrument?: string; source?: string },
  handbook: Handbook,
): ArticleRefs {
  const stored = handbook.articles.find((a) => a.provision.eId === eIdOf({ article: article.num }));
  const sourceOf = handbook.sources.find((s) => s.quotes === eIdOf({ article: article.num }))?.id;
  const instrument = values.instrument ?? stored?.instrument.id;
  const source = values.source ?? sourceOf;
  if (instrument === undefined)
    throw new UsageError(
      '--instrument',
      `sổ tay chưa có Điều ${article.num}: cho biết văn bản chứa nó (một mã trong instruments.yaml: ${handbook.instruments.map((i) => i.id).join(', ')})`,
    );
  if (!handbook.instruments.some((i) => i.id === instrument))
    throw new UsageError(
      '--instrument',
      `${quote(instrument)} không có trong instruments.yaml (có: ${handbook.instruments.map((i) => i.id).join(', ')})`,
    );
  if (source === undefined)
    throw new UsageError(
      '--source',
      `sổ tay chưa có nguồn trích Điều ${article.num}: thêm nguồn vào content/sources/sources.yaml và cho biết mã của nó`,
    );
  return { instrument, source };
}

async function runImport(io: CliIo, file: string, options: Options): Promise<number> {
  const { out, 'out-dir': outDir, article } = options;
  const outPath = out === undefined ? undefined : resolve(io.cwd, out);
  if (outPath) checkTarget(outPath, '--out');
  const dirPath = outDir === undefined ? undefined : resolve(io.cwd, outDir);
  if (dirPath) checkTarget(join(dirPath, 'dieu-0.yaml'), '--out-dir');

  const published = readPublished(resolve(io.cwd, file), file, article);
  if (outPath && published.articles.length > 1)
    throw new UsageError(
      '--out',
      `văn bản có ${published.articles.length} điều; mỗi điều là một tệp: dùng --out-dir THƯ_MỤC, hoặc --article N`,
    );
  const { handbook } = reviewContext(io);
  const files = published.articles.map((a) => {
    const refs = refsOf(a, options, handbook);
    const comment = [
      `Điều ${a.num}, nhập từ ${basename(file)} (SHA-256 ${published.sha256}), dòng ${a.line}–${a.lastLine},`,
      'bằng npm run law -- import. Nguyên văn: không sửa heading hay text; ghi chú của sổ tay đặt trong notes.',
    ];
    return {
      path: dirPath ? join(dirPath, `dieu-${a.num}.yaml`) : (outPath ?? ''),
      text: articleYaml(toArticle(a, refs), comment),
    };
  });
  if (dirPath) for (const { path } of files) checkTarget(path, '--out-dir');

  const report = [
    ...published.articles.map(articleLine),
    ...(published.leftOut.length > 0
      ? ['Bỏ qua, không thuộc điều nào:', ...published.leftOut.map((r) => `  ${leftOutLine(r)}`)]
      : []),
    `SHA-256 của tệp: ${published.sha256}.`,
    ...published.articles.map(sourceMarkers),
  ];
  if (outPath || dirPath) {
    writeAll(files, outPath ? '--out' : '--out-dir');
    report.push(...files.map(({ path }) => `Đã ghi ${path}.`));
    io.stdout.write(`${report.join('\n')}\n`);
  } else {
    io.stdout.write(files.map((f) => f.text).join('---\n'));
    io.stderr.write(`${report.join('\n')}\n`);
  }
  return 0;
}

async function runDiff(io: CliIo, file: string, options: Options): Promise<number> {
  const { html, article } = options;
  const htmlPath = html === undefined ? undefined : resolve(io.cwd, html);
  if (htmlPath) checkTarget(htmlPath, '--html');
  const published = readPublished(resolve(io.cwd, file), file, article);
  const review = reviewText(published, reviewContext(io), basename(file));
  if (htmlPath) writeAll([{ path: htmlPath, text: htmlReport(review) }], '--html');
  io.stdout.write(textReport(review));
  if (htmlPath) io.stdout.write(`Đã ghi báo cáo ${html}.\n`);
  return hasChanges(review.articles) ? 1 : 0;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const parsed = command(argv);
    if (parsed.help) {
      io.stdout.write(`${HELP}\n`);
      return 0;
    }
    return parsed.verb === 'import'
      ? await runImport(io, parsed.file, parsed.options)
      : await runDiff(io, parsed.file, parsed.options);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`law: ${error.subject}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ContentError) {
      io.stderr.write(
        `law: nội dung của sổ tay có lỗi, chưa so sánh được (chạy npm run check:content):\n${error.message}\n`,
      );
      return 2;
    }
    throw error;
  }
}
