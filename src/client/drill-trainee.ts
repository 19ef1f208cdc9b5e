/**
 * <drill-trainee>: trainee mode of a drill page. One inject at a time, an answer checked at
 * once with the cited text, a score at the end, retries of the missed injects, and progress
 * kept in localStorage. Enhances the static page built by src/pages/dien-tap/[drill]/index.astro
 * (a line of the missed list is its <template data-template="missed">); the rules live in
 * src/lib/drills/progress.ts, every sentence in src/lib/drills/wording.ts.
 */
import {
  answer,
  currentInject,
  missed,
  retryMissed,
  score,
  startProgress,
  storageKey,
  type Progress,
} from '../lib/drills/progress.ts';
import {
  answerFeedback,
  drillCodeGone,
  drillScoreLine,
  missedLine,
  progressFile,
  progressSetAsideFile,
  retryLine,
} from '../lib/drills/wording.ts';
import { SavedWork } from './saved.ts';
import { $, $$, fromTemplate, routeClick, show } from './dom.ts';

/** What the script reads of one inject on the page. */
interface InjectView {
  li: HTMLElement;
  id: string;
  correct: string[];
  inputs: HTMLInputElement[];
  head: HTMLElement | null;
  question: string;
  feedback: HTMLElement | null;
  box: HTMLDetailsElement | null;
  error: HTMLElement | null;
}

const focus = (element: HTMLElement | null | undefined) => element?.focus();

function injectView(li: HTMLElement): InjectView {
  return {
    li,
    id: li.dataset.inject ?? '',
    correct: (li.dataset.correct ?? '').split(' '),
    inputs: $$<HTMLInputElement>('input', li),
    head: $('.inject-head', li),
    question: $('legend', li)?.textContent?.trim() ?? '',
    feedback: $('[data-feedback]', li),
    box: $<HTMLDetailsElement>('[data-key-box]', li),
    error: $('[data-choose-error]', li),
  };
}

/** The letter (A, B…) the page shows before an option. */
const letterOf = (inject: InjectView, optionId: string): string =>
  $(`label[for="tl-${inject.id}-${optionId}"] .letter`, inject.li)?.textContent?.replace('.', '') ??
  optionId;

class DrillTrainee extends HTMLElement {
  private run!: HTMLElement;
  private drill = '';
  private fingerprint = '';
  private key = '';
  private injects: InjectView[] = [];
  private ids: string[] = [];
  private progress!: Progress;
  /** The inject just answered, shown with its feedback until "next". */
  private viewing: string | null = null;
  private saved!: SavedWork<Progress>;
  private loader: typeof import('../lib/drills/progress-load.ts') | undefined;
  private merger: typeof import('../lib/drills/merge.ts') | undefined;

  connectedCallback(): void {
    const run = $('[data-drill]', this);
    if (!run) return;
    this.run = run;
    this.drill = run.dataset.drill ?? '';
    this.fingerprint = run.dataset.key ?? '';
    this.key = storageKey(this.drill);
    this.injects = $$('[data-inject]', run).map(injectView);
    this.ids = this.injects.map((inject) => inject.id);
    void this.start();
  }

  private async start(): Promise<void> {
    await this.restore();
    this.run.addEventListener('click', (event) => this.onClick(event));
    // Another tab of the same drill answered: merged in turn, keeping every answer of both.
    this.saved.follow(
      async () => {
        this.loader ??= await import('../lib/drills/progress-load.ts');
        this.merger ??= await import('../lib/drills/merge.ts');
      },
      (raw) => this.mergeFromOtherTab(raw),
    );
    this.run.classList.add('enhanced');
    this.render();
  }

  // ── storage ────────────────────────────────────────────────────────────

  private save(): void {
    this.saved.save(this.progress);
  }

  /** Stored progress, validated (the reader is fetched only when there is some); damaged progress is set aside. */
  private async restore(): Promise<void> {
    this.saved = new SavedWork<Progress>(
      {
        key: this.key,
        empty: () => this.fresh(),
        load: (raw) => this.loader!.loadKept(raw, this.drill, this.fingerprint, this.ids),
        serialise: (progress) => JSON.stringify(progress),
        merge: (mine, theirs) => this.merger!.mergeProgress(mine, theirs),
        valid: (progress) => progress.queue.length > 0 && progress.round >= 1,
      },
      {
        box: () => $('[data-notices]', this.run),
        file: progressFile(this.drill),
        asideFile: progressSetAsideFile(this.drill),
        codeGone: drillCodeGone,
      },
    );
    await this.saved.open(
      async () => (this.loader ??= await import('../lib/drills/progress-load.ts')),
    );
    this.progress = this.saved.state;
  }

  private fresh(): Progress {
    return startProgress(this.drill, this.fingerprint, this.ids);
  }

  // ── render steps ───────────────────────────────────────────────────────

  private render(): void {
    const shown = this.viewing ?? currentInject(this.progress);
    for (const inject of this.injects) this.renderInject(inject, shown);
    this.renderRetryLine(shown);
    this.renderResult(shown);
  }

  private renderInject(inject: InjectView, shown: string | null): void {
    const given = this.progress.answers[inject.id];
    const answered = this.viewing === inject.id && given !== undefined;
    show(inject.li, inject.id === shown);
    show($('[data-before]', inject.li), !answered);
    show($('[data-after]', inject.li), answered);
    show(inject.box, answered);
    show(inject.feedback, answered);
    show(inject.error, false);
    if (inject.box) inject.box.open = answered;
    for (const input of inject.inputs) {
      input.disabled = answered;
      if (answered) input.checked = given.chosen.includes(input.value);
      else if (inject.id !== shown) input.checked = false;
      // Marks for the eye; the feedback line says the same in words.
      const right = inject.correct.includes(input.value);
      input.parentElement?.classList.toggle('is-right', answered && right);
      input.parentElement?.classList.toggle('is-wrong', answered && input.checked && !right);
    }
    if (answered && inject.feedback) {
      const letters = inject.correct.map((id) => letterOf(inject, id));
      inject.feedback.textContent = answerFeedback(given.right, letters);
      inject.feedback.className = `feedback ${given.right ? 'right' : 'wrong'}`;
    }
  }

  /** The headings count the whole drill; a retry round says where it is among the missed. */
  private renderRetryLine(shown: string | null): void {
    const line = $('[data-progress]', this.run);
    const { round, queue } = this.progress;
    if (line && shown) line.textContent = retryLine(round, queue.indexOf(shown) + 1, queue.length);
    show(line, shown !== null && round > 1);
  }

  private renderResult(shown: string | null): void {
    const result = $('[data-result]', this.run);
    show(result, shown === null);
    if (shown !== null || !result) return;
    const scoreLine = $('[data-score]', result);
    if (scoreLine)
      scoreLine.textContent = drillScoreLine(score(this.progress, this.ids), this.progress.round);
    const again = missed(this.progress);
    $('[data-missed-list]', result)?.replaceChildren(
      ...again.map((id) => this.missedItem(id)).filter((item) => item !== null),
    );
    show($('[data-missed]', result), again.length > 0);
    show($('[data-retry]', result), again.length > 0);
  }

  private missedItem(id: string): HTMLElement | null {
    const inject = this.injects.find((entry) => entry.id === id);
    const item = fromTemplate(this, 'missed');
    if (item)
      item.textContent = missedLine(inject?.head?.textContent ?? '', inject?.question ?? '');
    return item;
  }

  // ── events ─────────────────────────────────────────────────────────────

  private onClick(event: Event): void {
    routeClick(event, {
      'data-answer': (button) => this.onAnswer(button),
      'data-next': () => this.onNext(),
      'data-retry': () => this.onRestart(retryMissed(this.progress)),
      'data-restart': () => this.onRestart(this.fresh()),
    });
  }

  private onAnswer(button: HTMLButtonElement): void {
    const inject = this.injects.find((entry) => entry.li.contains(button));
    if (!inject) return;
    const chosen = inject.inputs.filter((input) => input.checked).map((input) => input.value);
    if (chosen.length === 0) {
      show(inject.error, true);
      inject.error?.setAttribute('role', 'alert');
      inject.inputs[0]?.focus();
      return;
    }
    this.progress = answer(this.progress, inject.id, chosen, inject.correct);
    this.viewing = inject.id;
    this.save();
    this.render();
    focus(inject.feedback);
  }

  private onNext(): void {
    this.viewing = null;
    this.render();
    const next = currentInject(this.progress);
    focus(next ? this.headOf(next) : $('#ket-qua', this.run));
  }

  private onRestart(progress: Progress): void {
    this.progress = progress;
    this.viewing = null;
    this.save();
    this.render();
    focus(this.headOf(currentInject(this.progress)));
  }

  private headOf(id: string | null): HTMLElement | null | undefined {
    return this.injects.find((entry) => entry.id === id)?.head;
  }

  /** What another tab stored, merged with this tab's (the store writes the union back if needed). */
  private mergeFromOtherTab(raw: string | null): void {
    this.saved.hear(raw);
    this.progress = this.saved.state;
    if (this.viewing && !(this.viewing in this.progress.answers)) this.viewing = null;
    this.render();
  }
}

customElements.define('drill-trainee', DrillTrainee);
