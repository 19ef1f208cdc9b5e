/**
 * <class-view>: the trainer's table. Reads the learners' files (many at once) and the drills'
 * after-action reports in the browser, aggregates them (src/lib/learning/class.ts) and shows
 * per point the share learnt, worst first, each learner's state and the "chưa đạt" marks.
 */
import { $, fromTemplate } from '../dom.ts';
import {
  aggregateClass,
  paperTable,
  type ClassView,
  type LearnerFile,
} from '../../lib/learning/class.ts';
import { STATE_LABELS, STATE_SHAPES } from '../../lib/learning/wording.ts';
import {
  aarLine,
  learnerCount,
  paperShare,
  refusalLine,
  shareLine,
} from '../../lib/learning/class-wording.ts';

const readAll = (list: FileList | null): Promise<LearnerFile[]> =>
  Promise.all(
    [...(list ?? [])].map(async (file) => ({ name: file.name, text: await file.text() })),
  );

class ClassViewElement extends HTMLElement {
  /** Every learner file opened so far: opening more adds to the class. */
  private files: LearnerFile[] = [];
  private readonly failed = new Set<string>();
  private view: ClassView | undefined;

  connectedCallback(): void {
    for (const hidden of this.querySelectorAll<HTMLElement>('[data-needs-script]'))
      hidden.hidden = false;
    $('[data-learners]', this)!.addEventListener(
      'change',
      (event) => void this.onLearners(event.target as HTMLInputElement),
    );
    $('[data-reports]', this)!.addEventListener(
      'change',
      (event) => void this.onReports(event.target as HTMLInputElement),
    );
    $('[data-print]', this)!.addEventListener('click', () => window.print());
  }

  private rows(): HTMLTableRowElement[] {
    return [...this.querySelectorAll<HTMLTableRowElement>('tbody [data-point]')];
  }

  private async onLearners(input: HTMLInputElement): Promise<void> {
    this.files = [...this.files, ...(await readAll(input.files))];
    input.value = '';
    const rows = this.rows();
    const questions = rows.flatMap((row) =>
      (row.dataset.q ?? '')
        .split(' ')
        .filter(Boolean)
        .map((id) => ({ id, point: row.dataset.point! })),
    );
    this.render(
      aggregateClass(
        this.files,
        questions,
        rows.map((row) => row.dataset.point!),
      ),
    );
  }

  private async onReports(input: HTMLInputElement): Promise<void> {
    const drills = JSON.parse($('script[data-drills]', this)!.textContent ?? '[]');
    const points = this.rows().map((row) => row.dataset.point!);
    const lines: string[] = [];
    // Reading a report needs its schema: loaded when one is first opened.
    const { failedPoints } = await import('../../lib/learning/class-reports.ts');
    for (const file of await readAll(input.files)) {
      const found = failedPoints(file.text, drills, points);
      if (found.ok) for (const point of found.points) this.failed.add(point);
      lines.push(aarLine(file.name, found.ok ? found.points.length : { refused: found.message }));
    }
    input.value = '';
    for (const row of this.rows())
      $('[data-aar]', row)!.hidden = !this.failed.has(row.dataset.point!);
    $('[data-message]', this)!.textContent = lines.join(' ');
    if (this.view) this.renderPaper(this.view);
  }

  /** Learner columns, shares, rows worst first, refusals. */
  private render(view: ClassView): void {
    const head = $('[data-head]', this)!;
    head.querySelectorAll('[data-learner]').forEach((cell) => cell.remove());
    const last = head.lastElementChild;
    for (const learner of view.learners) {
      const cell = this.cell('learner-head');
      cell.dataset.learner = learner.file;
      cell.textContent = learner.name;
      head.insertBefore(cell, last);
    }
    const body = $('[data-rows]', this)!;
    const byPoint = new Map(this.rows().map((row) => [row.dataset.point!, row]));
    for (const share of view.shares) {
      const row = byPoint.get(share.point)!;
      row.querySelectorAll('[data-learner]').forEach((cell) => cell.remove());
      $('[data-share]', row)!.textContent = shareLine(share.learnt, share.total);
      for (const learner of view.learners) {
        const state = learner.states[share.point] ?? 'new';
        const cell = this.cell('learner-cell');
        cell.dataset.learner = learner.file;
        $('.shape', cell)!.textContent = STATE_SHAPES[state];
        $('[data-state-label]', cell)!.textContent = STATE_LABELS[state];
        row.insertBefore(cell, row.lastElementChild);
      }
      body.append(row);
    }
    const refused = $('[data-refused]', this)!;
    refused.replaceChildren(
      ...view.refused.map((refusal) =>
        Object.assign(document.createElement('li'), { textContent: refusalLine(refusal) }),
      ),
    );
    $('[data-learner-count]', this)!.textContent = learnerCount(view.learners.length);
    this.view = view;
    this.renderPaper(view);
  }

  /** The table as it prints: a row per learner, a column per point (src/lib/learning/class.ts). */
  private renderPaper(view: ClassView): void {
    const labels = new Map(this.rows().map((row) => [row.dataset.point!, row.dataset.label!]));
    const table = paperTable(view, (point) => labels.get(point) ?? point, this.failed);
    const cell = (tag: 'th' | 'td', text: string) =>
      Object.assign(document.createElement(tag), { textContent: text });
    const head = $('[data-paper-head]', this)!;
    head.replaceChildren(
      head.firstElementChild!,
      ...table.columns.map((c) => cell('th', `${c.label}${c.failed ? ' !' : ''}`)),
    );
    $('[data-paper-rows]', this)!.replaceChildren(
      ...table.rows.map((row) => {
        const tr = document.createElement('tr');
        tr.append(
          cell('th', row.name),
          ...row.states.map((state) => cell('td', STATE_SHAPES[state])),
        );
        return tr;
      }),
    );
    const shares = $('[data-paper-shares]', this)!;
    shares.replaceChildren(
      shares.firstElementChild!,
      ...table.shares.map((share) => cell('td', paperShare(share.learnt, share.total))),
    );
    $('[data-paper]', this)!.hidden = table.rows.length === 0;
  }

  private cell(name: string): HTMLElement {
    return fromTemplate(this, name)!;
  }
}

customElements.define('class-view', ClassViewElement);
