/**
 * <learning-path>: the path and map pages. Fills in, from the progress on this device, each
 * point's state (map and record sheet), each step's status, the one "next" button, the day's
 * count and the learner's name; marks steps read; saves the learner's name and role. Moving
 * the progress to and from a file loads on first use (path-files.ts). Wording comes from
 * src/lib/learning/wording.ts.
 */
import { drillSolved, markId, nextStep, pathStatus } from '../../lib/learning/path.ts';
import { localDay, pointState, queueFor, type PointState } from '../../lib/learning/schedule.ts';
import { LIMITS, markStep, setLearner, type LearningState } from '../../lib/learning/state.ts';
import { formatDateVi } from '../../lib/vi.ts';
import {
  drillStatus,
  dueLine,
  FILES_GONE,
  PATH_COMPLETE,
  STATE_LABELS,
  STATE_SHAPES,
  stepStatus,
} from '../../lib/learning/wording.ts';
import { progressStore, type ProgressStore } from './store.ts';

let filesCode: Promise<typeof import('./path-files.ts')> | undefined;

const words = (value: string | undefined): string[] => (value ?? '').split(' ').filter(Boolean);

class LearningPath extends HTMLElement {
  private store!: ProgressStore;

  connectedCallback(): void {
    void this.start();
  }

  private async start(): Promise<void> {
    this.store = await progressStore();
    for (const hidden of this.querySelectorAll<HTMLElement>('[data-needs-script]'))
      hidden.hidden = false;
    this.addEventListener('click', (event) => this.onClick(event));
    this.querySelector('[data-profile]')?.addEventListener('submit', (event) =>
      this.onProfile(event),
    );
    this.querySelector<HTMLInputElement>('[data-import]')?.addEventListener('change', (event) =>
      this.files((code) => code.onImport(this.store, event.target as HTMLInputElement, this.say)),
    );
    this.store.subscribe((state) => this.render(state));
  }

  private render(state: LearningState): void {
    const states = this.renderMap(state);
    this.renderSteps(state, states);
    this.renderDue(state);
    this.renderLearner(state);
  }

  /** Each point row (map and record sheet): its state in a shape and words. */
  private renderMap(state: LearningState): Map<string, PointState> {
    const states = new Map<string, PointState>();
    for (const row of this.querySelectorAll<HTMLElement>('[data-point]')) {
      const point = row.dataset.point!;
      const s = pointState(state.answers, new Set(words(row.dataset.q ?? this.questionsOf(point))));
      states.set(point, s);
      row.className = `is-${s}`;
      const shape = row.querySelector('.shape');
      const label = row.querySelector('[data-state-label]');
      if (shape) shape.textContent = STATE_SHAPES[s];
      if (label) label.textContent = STATE_LABELS[s];
    }
    return states;
  }

  private questionsOf(point: string): string {
    return this.querySelector<HTMLElement>(`[data-point="${point}"][data-q]`)?.dataset.q ?? '';
  }

  /** The steps' statuses and the one next button. */
  private renderSteps(state: LearningState, states: Map<string, PointState>): void {
    const role = this.dataset.role;
    const steps = [...this.querySelectorAll<HTMLElement>('[data-step]')];
    if (!role || steps.length === 0) return;
    const drills = [...this.querySelectorAll<HTMLElement>('[data-drill-key]')].map((li) => {
      let raw: string | null = null;
      try {
        raw = localStorage.getItem(li.dataset.drillKey!);
      } catch {
        // Storage refused (private mode, policy): the drill reads as not yet done.
      }
      const done = drillSolved(raw, words(li.dataset.injects));
      const status = li.querySelector('[data-drill-status]');
      if (status) status.textContent = drillStatus(done);
      return done;
    });
    const statuses = pathStatus(state, role, [...states.values()], drills);
    const next = nextStep(statuses);
    for (const step of steps) {
      const done = statuses.find((s) => s.id === step.dataset.step)?.done ?? false;
      step.classList.toggle('is-done', done);
      step.classList.toggle('is-next', step.dataset.step === next);
      const status = step.querySelector('[data-status]');
      if (status) status.textContent = stepStatus(done);
    }
    const button = this.querySelector<HTMLAnchorElement>('[data-next]');
    const nextEl = steps.find((step) => step.dataset.step === next);
    if (button) {
      button.hidden = !nextEl;
      if (nextEl) {
        button.href = nextEl.dataset.href!;
        button.textContent = nextEl.dataset.label!;
      }
    }
    const complete = this.querySelector<HTMLElement>('[data-complete]');
    if (complete) {
      complete.hidden = Boolean(nextEl);
      complete.textContent = PATH_COMPLETE;
    }
  }

  /** "Hôm nay cần ôn N câu" over the questions of the points shown. */
  private renderDue(state: LearningState): void {
    const line = this.querySelector<HTMLElement>('[data-due]');
    if (!line) return;
    // Due today: every question of the points shown, those on the handbook's layout too.
    const ids = [...this.querySelectorAll<HTMLElement>('[data-q]')].flatMap((row) => [
      ...words(row.dataset.q),
      ...words(row.dataset.qLayout),
    ]);
    const queue = queueFor(state.answers, ids, localDay(new Date()));
    line.textContent = dueLine(queue.due.length, queue.fresh.length, queue.nextDue);
  }

  /** The learner's name, role and dates: the profile form and the record sheet. */
  private renderLearner(state: LearningState): void {
    const days = state.answers.map((a) => a.day).sort();
    const fill = (selector: string, text: string) => {
      for (const el of this.querySelectorAll(selector)) el.textContent = text;
    };
    if (state.learner.name) fill('[data-learner-name]', state.learner.name);
    if (days.length > 0) {
      fill('[data-learner-from]', formatDateVi(days[0]!));
      fill('[data-learner-to]', formatDateVi(days[days.length - 1]!));
    }
    fill('[data-printed-on]', formatDateVi(localDay(new Date())));
    const name = this.querySelector<HTMLInputElement>('[name="ho-ten"]');
    const role = this.querySelector<HTMLSelectElement>('[name="vai-tro"]');
    if (name && document.activeElement !== name) name.value = state.learner.name;
    if (role && document.activeElement !== role) role.value = state.learner.role ?? '';
  }

  /** The page's three buttons (not dom.ts's routeClick: its chunk would be all this page's first visit needs of it). */
  private onClick(event: Event): void {
    const button = (event.target as Element).closest('button');
    if (button?.dataset.mark && this.dataset.role)
      this.onMark(button.dataset.mark as 'doc' | 'flows');
    else if (button?.hasAttribute('data-export')) this.files((code) => code.onExport(this.store));
    else if (button?.hasAttribute('data-print')) window.print();
  }

  private onMark(step: 'doc' | 'flows'): void {
    this.store.update((state) =>
      markStep(state, markId(step, this.dataset.role!), localDay(new Date())),
    );
  }

  /** Saved at once: a learner may leave the page as soon as the button is pressed. */
  private onProfile(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = (form.elements.namedItem('ho-ten') as HTMLInputElement).value;
    const role = (form.elements.namedItem('vai-tro') as HTMLSelectElement).value || null;
    // A name over the limit stays as typed, refused at the field (never cut).
    if (name.normalize('NFC').trim().length > LIMITS.name) {
      this.files((code) => code.checkLength(form.elements.namedItem('ho-ten') as HTMLInputElement));
      return;
    }
    const saved = this.store.update((state) => setLearner(state, name, role, Date.now()));
    if (saved === 'saved' || saved === 'unchanged') this.say('Đã lưu tên và vai trò trên máy này.');
  }

  /** Export, import and the refusal of a long name: their code loads on first use, once, in order. */
  private files(then: (code: typeof import('./path-files.ts')) => unknown): void {
    (filesCode ??= import('./path-files.ts')).then(then, () => {
      filesCode = undefined;
      this.say(FILES_GONE);
    });
  }

  /** A message in the page's live region. */
  private readonly say = (message: string): void => {
    const box = this.querySelector('[data-message]');
    if (box) box.textContent = message;
  };
}

customElements.define('learning-path', LearningPath);
