/**
 * The review's wording, in Vietnamese, and its rendering for the terminal. The HTML page
 * (report-html.ts) uses the same sentences. The law is quoted in “…”, the handbook's own
 * words (actions, questions, titles) in «…»; ids are given as the editor types them.
 */
import {
  countPoints,
  hasChanges,
  spaced,
  type ArticleDiff,
  type ChangeStatus,
  type WordPart,
} from './diff.ts';
import type { Impact } from './impact.ts';
import type { LeftOut } from './parse-published.ts';
import type { Review } from './review.ts';

export const STATUS_NAMES: Record<ChangeStatus, string> = {
  unchanged: 'không đổi',
  changed: 'sửa đổi',
  removed: 'bị bỏ',
  added: 'thêm mới',
};

/** «Điểm b khoản 1 Điều 7 được sửa đổi». */
export const STATUS_TITLES: Record<
  Exclude<ChangeStatus, 'unchanged'>,
  (label: string) => string
> = {
  changed: (label) => `${upper(label)} được sửa đổi`,
  removed: (label) => `${upper(label)} bị bỏ`,
  added: (label) => `${upper(label)} được thêm`,
};

const upper = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/** «Điều 7: 17 điểm trong văn bản (15 không đổi, 1 sửa đổi, 1 thêm mới); 1 điểm của sổ tay bị bỏ.» */
export function articleSummary(diff: ArticleDiff): string {
  const counts = countPoints([diff]);
  const inText = counts.unchanged + counts.changed + counts.added;
  const parts = (['unchanged', 'changed', 'added'] as const)
    .filter((status) => counts[status] > 0)
    .map((status) => `${counts[status]} ${STATUS_NAMES[status]}`);
  const head = diff.stored
    ? `Điều ${diff.num}: ${inText} điểm trong văn bản (${parts.join(', ')})`
    : `Điều ${diff.num}: sổ tay chưa có điều này; văn bản có ${inText} điểm`;
  const removed = counts.removed > 0 ? `; ${counts.removed} điểm của sổ tay bị bỏ` : '';
  return `${head}${removed}.`;
}

/** The verdict: what the exit status says, and what to do next. */
export function verdict(review: Review): string {
  return hasChanges(review.articles)
    ? 'Văn bản khác nội dung của sổ tay: xem lại từng mục của báo cáo này, sửa nội dung, rồi chạy npm run check:content.'
    : 'Văn bản giống hệt nội dung của sổ tay: không có gì phải xem lại.';
}

/** «dòng 1–9 (5 dòng): «…»». */
export function leftOutLine(run: LeftOut): string {
  const lines = run.from === run.to ? `dòng ${run.from}` : `dòng ${run.from}–${run.to}`;
  const first = run.lines[0] ?? '';
  const shown = first.length > 70 ? `${first.slice(0, 67).trimEnd()}…` : first;
  return `${lines} (${run.lines.length} dòng có chữ): «${shown}»`;
}

/** One thing to review: its id as the editor finds it in the content, and what it is. */
export interface ImpactEntry {
  id: string;
  text: string;
}

export interface ImpactGroup {
  title: string;
  entries: ImpactEntry[];
}

const FLOW_NODE_KIND = { step: 'bước', question: 'câu hỏi', outcome: 'kết quả' } as const;

/** What cites a point, group by group; empty groups are left out. */
export function impactGroups(impact: Impact): ImpactGroup[] {
  const flows = new Set(impact.nodes.map((n) => n.flow));
  const groups: ImpactGroup[] = [
    {
      title: `Việc trong danh sách kiểm tra (${impact.items.length})`,
      entries: impact.items.map((i) => ({ id: i.id, text: `${i.roleName}: «${i.action}»` })),
    },
    {
      title: `Nút của quy trình (${impact.nodes.length}, trong ${flows.size} quy trình)`,
      entries: impact.nodes.map((n) => ({
        id: `${n.flow}/${n.node}`,
        text: `quy trình «${n.flowTitle}», ${FLOW_NODE_KIND[n.kind]} ${n.number}: «${n.text}»`,
      })),
    },
    {
      title: `Tình huống diễn tập (${impact.injects.length})`,
      entries: impact.injects.map((i) => ({
        id: `${i.drill}/${i.inject}`,
        text: `bài «${i.drillTitle}», ${i.time}: «${i.question}»`,
      })),
    },
    {
      title: `Câu hỏi luyện tập (${impact.questions.length})`,
      entries: impact.questions.map((q) => ({ id: q.id, text: `«${q.subject ?? q.prompt}»` })),
    },
    {
      title: `Cách hiểu của sổ tay (${impact.readings.length})`,
      entries: impact.readings.map((r) => ({ id: r.id, text: r.text })),
    },
    {
      title: `Đoạn trích (carries) không còn khớp với văn bản (${impact.brokenSpans.length})`,
      entries: impact.brokenSpans.map((s) => ({
        id: s.owner,
        text: `${s.kind === 'item' ? 'việc' : 'bước'} trích “${s.span}”`,
      })),
    },
    {
      title: `Chữ mới chưa việc nào thực hiện (${impact.newlyUncarried.length})`,
      entries: impact.newlyUncarried.map((words) => ({ id: '', text: `“${words}”` })),
    },
  ];
  return groups.filter((g) => g.entries.length > 0);
}

/** An entry on one line of the terminal; a reading's text is in the HTML report. */
const entryLine = (group: ImpactGroup, entry: ImpactEntry): string =>
  group.title.startsWith('Cách hiểu')
    ? entry.id
    : entry.id
      ? `${entry.id} — ${entry.text}`
      : entry.text;

/** For an added point: what the build will ask for. */
export function addedNote(holder: string): string {
  return holder
    ? `Chưa việc nào thực hiện điểm này: bản dựng sẽ dừng cho đến khi danh sách kiểm tra của ${holder} có một việc thực hiện nó.`
    : 'Chưa vai trò nào giữ khoản của điểm này, chưa việc nào thực hiện nó: bản dựng sẽ dừng cho đến khi có.';
}

/** Words for the terminal, as `git diff --word-diff` marks them: [-bỏ-] {+thêm+}. */
export const terminalWords = (words: readonly WordPart[]): string =>
  words
    .map((w) => {
      if (w.kind === 'same') return w.text;
      const [before, core, after] = spaced(w.text);
      return w.kind === 'added' ? `${before}{+${core}+}${after}` : `${before}[-${core}-]${after}`;
    })
    .join('');

/** The whole review for the terminal. */
export function textReport(review: Review): string {
  const out: string[] = [];
  out.push(`So sánh văn bản «${review.file}» với nội dung của sổ tay`);
  for (const diff of review.articles) out.push(articleSummary(diff));
  if (review.notCompared.length > 0)
    out.push(
      `Không so sánh: ${review.notCompared.map((n) => `Điều ${n}`).join(', ')} (văn bản không có).`,
    );
  if (review.leftOut.length > 0) {
    out.push('', 'Bỏ qua, không thuộc điều nào:');
    for (const run of review.leftOut) out.push(`  ${leftOutLine(run)}`);
  }
  const changed = review.articles.some((d) => d.points.some((p) => p.status === 'changed'));
  if (changed) out.push('', 'Cách đọc: [-…-] chữ bị bỏ, {+…+} chữ được thêm.');

  for (const diff of review.articles) {
    for (const heading of diff.headings) {
      out.push('', `■ ${STATUS_TITLES[heading.status](heading.label)} (${heading.eId})`);
      if (heading.words) out.push(`  “${terminalWords(heading.words)}”`);
      else out.push(`  “${heading.after ?? heading.before ?? ''}”`);
    }
    for (const point of diff.points) {
      if (point.status === 'unchanged') continue;
      out.push('', `■ ${STATUS_TITLES[point.status](point.label)} (${point.eId})`);
      out.push(
        `  “${point.words ? terminalWords(point.words) : (point.after ?? point.before ?? '')}”`,
      );
      if (point.status === 'added') {
        out.push(`  ${addedNote(review.addedHolders.get(point.eId) ?? '')}`);
        continue;
      }
      const groups = impactGroups(review.impacts.get(point.eId)!);
      out.push(groups.length > 0 ? '  Cần xem lại:' : '  Sổ tay không dẫn điểm này ở đâu.');
      for (const group of groups) {
        out.push(`    ${group.title}:`);
        for (const entry of group.entries) out.push(`      ${entryLine(group, entry)}`);
      }
    }
  }
  out.push('', verdict(review));
  return `${out.join('\n')}\n`;
}
