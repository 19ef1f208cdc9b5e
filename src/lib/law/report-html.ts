/**
 * The review as a standalone page a reviewer reads on screen and prints: Vietnamese, no
 * script, its styles inline, the same sentences as the terminal report (report.ts). Removed
 * words are struck through and added ones underlined, so that the marks survive a printer
 * without colour.
 */
import type { ArticleDiff, HeadingChange, PointChange, WordPart } from './diff.ts';
import {
  STATUS_NAMES,
  STATUS_TITLES,
  addedNote,
  articleSummary,
  impactGroups,
  leftOutLine,
  verdict,
} from './report.ts';
import type { Review } from './review.ts';
import { shortLabel } from './eid.ts';
import { hasChanges, spaced } from './diff.ts';

const escape = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Words with <del> and <ins>; the spaces between them stay outside the marks. */
const markedWords = (words: readonly WordPart[]): string =>
  words
    .map((w) => {
      if (w.kind === 'same') return escape(w.text);
      const [before, core, after] = spaced(w.text).map(escape);
      const tag = w.kind === 'added' ? 'ins' : 'del';
      return `${before}<${tag}>${core}</${tag}>${after}`;
    })
    .join('');

/** The law's words, in curly quotes: the only place they are used on the page. */
const lawQuote = (inner: string): string =>
  `<blockquote class="law"><p>“${inner}”</p></blockquote>`;

const STYLE = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #555; --rule: #c9c9c9; --del: #fde2e1; --ins: #dcf3e2; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.55 "Times New Roman", Tinos, "Liberation Serif", serif; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 0 0 .25rem; }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
h4 { font-size: .95rem; margin: .75rem 0 .25rem; color: var(--muted); }
p { margin: .25rem 0 .5rem; }
.lead { font-size: 1.1rem; }
.verdict { font-weight: bold; border-left: 4px solid var(--ink); padding: .25rem .75rem; }
table { border-collapse: collapse; width: 100%; margin: .75rem 0 1.5rem; font-size: .95rem; }
th, td { border: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.n, th.n { text-align: right; width: 9rem; }
caption { text-align: left; font-weight: bold; padding-bottom: .25rem; }
.change { border-top: 2px solid var(--ink); padding-top: .75rem; margin-top: 1.75rem; }
.change .id { font: .85rem/1.4 ui-monospace, "DejaVu Sans Mono", monospace; color: var(--muted); margin: 0 0 .5rem; }
.status { display: inline-block; font-size: .8rem; font-weight: bold; text-transform: uppercase; letter-spacing: .04em; border: 1px solid currentColor; padding: 0 .35rem; margin-right: .4rem; vertical-align: .1rem; }
blockquote.law { margin: .5rem 0; padding: .5rem .9rem; background: #f7f7f4; border-left: 3px solid var(--rule); }
blockquote.law p { margin: 0; }
del { background: var(--del); text-decoration: line-through; text-decoration-thickness: 2px; }
ins { background: var(--ins); text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; }
ul.uses { margin: .25rem 0 .5rem; padding-left: 1.25rem; }
ul.uses li { margin: .15rem 0; }
code { font: .85rem ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
.none { color: var(--muted); font-style: italic; }
.legend { color: var(--muted); font-size: .95rem; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .9rem; border-top: 1px solid var(--rule); padding-top: .5rem; }
@page { size: A4; margin: 16mm 15mm; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  del, ins, th, blockquote.law { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  h2, h3, h4, .change .id { break-after: avoid-page; }
  blockquote.law, li, tr { break-inside: avoid-page; }
  a { color: inherit; text-decoration: none; }
}
`;

/** What the quoted text is, above it. */
const QUOTE_LABELS = {
  changed: 'Văn bản mới, so với nguyên văn trong sổ tay:',
  removed: 'Nguyên văn trong sổ tay; văn bản mới không còn điểm này:',
  added: 'Nguyên văn trong văn bản mới; sổ tay chưa có điểm này:',
  unchanged: '',
} as const;

function pointSection(point: PointChange, review: Review): string {
  if (point.status === 'unchanged') return '';
  const quote = point.words ? markedWords(point.words) : escape(point.after ?? point.before ?? '');
  const body: string[] = [`<p class="legend">${QUOTE_LABELS[point.status]}</p>`, lawQuote(quote)];
  if (point.status === 'added') {
    body.push(`<p>${escape(addedNote(review.addedHolders.get(point.eId) ?? ''))}</p>`);
  } else {
    const groups = impactGroups(review.impacts.get(point.eId)!);
    if (groups.length === 0) body.push('<p class="none">Sổ tay không dẫn điểm này ở đâu.</p>');
    else body.push('<h3>Cần xem lại</h3>');
    for (const group of groups) {
      body.push(`<h4>${escape(group.title)}</h4>`, '<ul class="uses">');
      for (const entry of group.entries)
        body.push(
          `<li>${entry.id ? `<code>${escape(entry.id)}</code> — ` : ''}${escape(entry.text)}</li>`,
        );
      body.push('</ul>');
    }
  }
  return `<section class="change" id="${escape(point.eId)}" aria-labelledby="${escape(point.eId)}-h">
<h2 id="${escape(point.eId)}-h"><span class="status">${STATUS_NAMES[point.status]}</span>${escape(STATUS_TITLES[point.status](point.label))}</h2>
<p class="id">${escape(point.eId)}</p>
${body.join('\n')}
</section>`;
}

function headingSection(heading: HeadingChange): string {
  const quote = heading.words
    ? markedWords(heading.words)
    : escape(heading.after ?? heading.before ?? '');
  return `<section class="change">
<h2><span class="status">${STATUS_NAMES[heading.status]}</span>${escape(STATUS_TITLES[heading.status](heading.label))}</h2>
<p class="id">${escape(heading.eId)}</p>
${lawQuote(quote)}
</section>`;
}

/**
 * The article at a glance: a row per point that changed, was removed or added (with how many
 * places cite it), then the unchanged points in one line, so that the work comes first.
 */
function overview(diff: ArticleDiff, review: Review): string {
  const changes = diff.points.filter((point) => point.status !== 'unchanged');
  const unchanged = diff.points.filter((point) => point.status === 'unchanged');
  const rows = changes.map((point) => {
    const impact = review.impacts.get(point.eId);
    const count = impact ? impactGroups(impact).reduce((sum, g) => sum + g.entries.length, 0) : 0;
    const places = point.status === 'added' ? 'chưa có' : String(count);
    return `<tr><td><a href="#${escape(point.eId)}">${escape(point.label)}</a></td><td>${STATUS_NAMES[point.status]}</td><td class="n">${places}</td></tr>`;
  });
  const table =
    rows.length > 0
      ? `<table>
<caption>Điều ${escape(diff.num)}: các điểm cần xem lại</caption>
<thead><tr><th scope="col">Điểm</th><th scope="col">Tình trạng</th><th scope="col" class="n">Chỗ dẫn điểm này</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`
      : '';
  const same =
    unchanged.length > 0
      ? `<p class="legend">Không đổi (${unchanged.length} điểm): ${unchanged.map((point) => escape(shortLabel(point.eId))).join(', ')}.</p>`
      : '';
  return `${table}\n${same}`;
}

/** The whole page. */
export function htmlReport(review: Review): string {
  const changed = hasChanges(review.articles);
  const sections = review.articles.flatMap((diff) => [
    ...diff.headings.map(headingSection),
    ...diff.points.map((point) => pointSection(point, review)).filter(Boolean),
  ]);
  const leftOut =
    review.leftOut.length > 0
      ? `<section class="change"><h2>Bỏ qua, không thuộc điều nào</h2><ul class="uses">${review.leftOut
          .map((run) => `<li>${escape(leftOutLine(run))}</li>`)
          .join('')}</ul></section>`
      : '';
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đối chiếu văn bản «${escape(review.file)}» với sổ tay</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Đối chiếu văn bản với Sổ tay trực ban</h1>
<p class="lead">Văn bản «${escape(review.file)}», so từng điểm với nội dung của sổ tay.</p>
${review.articles.map((diff) => `<p>${escape(articleSummary(diff))}</p>`).join('\n')}
${review.notCompared.length > 0 ? `<p>Không so sánh: ${review.notCompared.map((n) => `Điều ${escape(n)}`).join(', ')} (văn bản không có).</p>` : ''}
<p class="verdict">${escape(verdict(review))}</p>
${changed ? '<p class="legend">Cách đọc: <del>chữ gạch ngang</del> là chữ bị bỏ, <ins>chữ gạch dưới</ins> là chữ được thêm. Lời văn của luật đặt trong “…”, lời của sổ tay trong «…».</p>' : ''}
${review.articles.map((diff) => overview(diff, review)).join('\n')}
${sections.join('\n')}
${leftOut}
<footer>Lập bằng lệnh đối chiếu văn bản của Sổ tay trực ban. Sau khi sửa nội dung, bản dựng của sổ tay kiểm tra lại mọi đoạn trích và lời dẫn.</footer>
</main>
</body>
</html>
`;
}
