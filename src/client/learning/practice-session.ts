/**
 * One practice session (loaded when practice starts): asks today's round one question at a
 * time from the page's templates, records every answer on the device at once (so a second
 * tab or a reload loses nothing), shows with each question the readings its answer rests on
 * (before the answer), the feedback with the cited points verbatim, and ends each round with
 * the day's count.
 */
import { dueLine, answerVerdict, LAYOUT_NOTE, roundLine } from '../../lib/learning/wording.ts';
import {
  questionHead,
  questionsIn,
  rightLine,
  roundFor,
  scopeOf,
  scopeTitle,
  subjectLine,
  type PracticeData,
  type Scope,
} from '../../lib/learning/practice.ts';
import type { Question } from '../../lib/learning/questions.ts';
import { localDay, queueFor } from '../../lib/learning/schedule.ts';
import { answerInstant, recordAnswer } from '../../lib/learning/state.ts';
import { $, routeClick } from '../dom.ts';
import { notSaved } from '../../lib/store/wording.ts';
import type { ProgressStore } from './store.ts';

let counter = 0;
const answerId = (): string =>
  `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}${(counter++).toString(36)}`;

export class PracticeSession {
  private readonly scope: Scope;
  private readonly questions: Question[];
  private readonly box: HTMLElement;
  private round: Question[] = [];
  private position = 0;
  private right = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly data: PracticeData,
    private readonly store: ProgressStore,
  ) {
    this.scope = scopeOf(location.search, data);
    this.questions = questionsIn(data, this.scope);
    this.box = $('[data-session]', root)!;
    $('[data-scope-title]', root)!.textContent = scopeTitle(data, this.scope);
    this.box.addEventListener('click', (event) => this.onClick(event));
  }

  /** A new round over what is due today and what is new. */
  start(): void {
    const byId = new Map(this.questions.map((q) => [q.id, q]));
    this.round = roundFor(this.store.state.answers, this.questions, localDay(new Date())).map(
      (id) => byId.get(id)!,
    );
    this.position = 0;
    this.right = 0;
    this.box.hidden = false;
    this.root.querySelector<HTMLElement>('[data-scopes]')?.setAttribute('hidden', '');
    if (this.round.length === 0) this.showSummary();
    else this.showQuestion();
  }

  private template(name: string): DocumentFragment {
    return $<HTMLTemplateElement>(
      `template[data-template="${name}"]`,
      this.root,
    )!.content.cloneNode(true) as DocumentFragment;
  }

  /** The current question, from the question and option templates. */
  private showQuestion(): void {
    const q = this.round[this.position]!;
    const view = this.template('question');
    const article = $('article', view)!;
    article.dataset.question = q.id;
    $('[data-head]', view)!.textContent = questionHead(this.position, this.round.length);
    this.fill($('[data-context]', view)!, q.context);
    this.fill($('[data-subject]', view)!, q.subject && subjectLine(q.subject));
    this.fill($('[data-layout]', view)!, q.layout ? LAYOUT_NOTE : undefined);
    // The readings the answer rests on come before the options: an answer the text leaves open
    // is graded by the handbook's reading, so the learner reads it first.
    for (const id of q.readings) {
      const note = this.template('reading');
      $('[data-text]', note)!.textContent = this.data.readings[id] ?? '';
      $('[data-readings]', view)!.append(note);
    }
    $('[data-prompt]', view)!.textContent = q.prompt;
    const multiple = q.correct.length > 1;
    for (const option of q.options) {
      const row = this.template('option');
      const input = $<HTMLInputElement>('input', row)!;
      Object.assign(input, {
        type: multiple ? 'checkbox' : 'radio',
        name: 'dap-an',
        value: option.id,
        id: `dap-an-${option.id}`,
      });
      const label = $<HTMLLabelElement>('label', row)!;
      label.htmlFor = input.id;
      label.textContent = option.text;
      $('[data-options]', view)!.append(row);
    }
    this.box.replaceChildren(view);
    $('[data-head]', this.box)!.focus();
  }

  private fill(element: HTMLElement, text: string | undefined): void {
    element.hidden = !text;
    element.textContent = text ?? '';
  }

  private onClick(event: Event): void {
    routeClick(event, {
      'data-answer': () => this.onAnswer(),
      'data-next': () => this.onNext(),
      'data-again': () => this.start(),
    });
  }

  /** Records the answer at once, then shows the feedback. */
  private onAnswer(): void {
    const q = this.round[this.position]!;
    const chosen = [...this.box.querySelectorAll<HTMLInputElement>('input:checked')].map(
      (input) => input.value,
    );
    $('[data-choose-error]', this.box)!.hidden = chosen.length > 0;
    if (chosen.length === 0) return;
    const right =
      chosen.length === q.correct.length && q.correct.every((id) => chosen.includes(id));
    if (right) this.right += 1;
    const now = new Date();
    const saved = this.store.update((state) =>
      recordAnswer(state, {
        id: answerId(),
        q: q.id,
        day: localDay(now),
        at: answerInstant(state, now),
        right,
      }),
    );
    this.showFeedback(q, right);
    // The verdict is no promise that the answer is kept: a save that failed is said with it.
    if (saved !== 'saved' && saved !== 'unchanged') {
      const line = document.createElement('p');
      line.className = 'field-error';
      line.dataset.notSaved = '';
      line.textContent = notSaved(saved);
      $('[data-feedback]', this.box)!.after(line);
    }
  }

  /** The verdict, the right answer, the explanation and the cited points verbatim (the readings are shown already). */
  private showFeedback(q: Question, right: boolean): void {
    for (const input of this.box.querySelectorAll<HTMLInputElement>('input')) {
      input.disabled = true;
      input
        .closest('.option')
        ?.classList.add(
          q.correct.includes(input.value) ? 'is-right' : input.checked ? 'is-wrong' : 'other',
        );
    }
    $('[data-before]', this.box)!.hidden = true;
    $('[data-after]', this.box)!.hidden = false;
    const feedback = $('[data-feedback]', this.box)!;
    feedback.textContent = answerVerdict(right);
    feedback.className = `feedback ${right ? 'right' : 'wrong'}`;
    $('[data-right]', this.box)!.textContent = rightLine(q);
    this.fill($('[data-explanation]', this.box)!, q.explanation);
    for (const eId of q.cites) {
      const provision = this.data.provisions[eId];
      if (!provision) continue;
      const quote = this.template('quote');
      $('[data-text]', quote)!.textContent = provision.text;
      const link = $<HTMLAnchorElement>('[data-link]', quote)!;
      link.href = provision.href;
      link.textContent = provision.label;
      $('[data-quotes]', this.box)!.append(quote);
    }
    feedback.focus();
  }

  private onNext(): void {
    this.position += 1;
    if (this.position < this.round.length) this.showQuestion();
    else this.showSummary();
  }

  /** The round's score and the day's count; "Làm tiếp" while anything is left today. */
  private showSummary(): void {
    const view = this.template('summary');
    const today = localDay(new Date());
    const queue = queueFor(
      this.store.state.answers,
      this.questions.map((q) => q.id),
      today,
    );
    this.fill(
      $('[data-score]', view)!,
      this.round.length > 0 ? roundLine(this.right, this.round.length) : undefined,
    );
    $('[data-due]', view)!.textContent = dueLine(
      queue.due.length,
      queue.fresh.length,
      queue.nextDue,
    );
    $('[data-again]', view)!.hidden = queue.due.length + queue.fresh.length === 0;
    const role =
      this.scope && ('role' in this.scope ? this.scope.role : this.data.holders[this.scope.point]);
    $<HTMLAnchorElement>('[data-back]', view)!.href =
      `${this.root.dataset.path}${role ? `${role}/` : ''}`;
    this.box.replaceChildren(view);
    $('h2', this.box)!.focus();
  }
}

export { progressStore } from './store.ts';
