/**
 * One practice session (loaded when practice starts): asks today's round one question at a
 * time from the page's templates, records every answer on the device at once (so a second
 * tab or a reload loses nothing), shows the feedback with the cited points verbatim and the
 * readings the answer rests on, and ends each round with the day's count.
 */
import { dueLine, answerVerdict, roundLine } from '../../lib/learning/wording.ts';
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
import { routeClick } from '../dom.ts';
import { notSaved } from '../../lib/store/wording.ts';
import type { ProgressStore } from './store.ts';

const $ = <T extends Element = HTMLElement>(root: ParentNode, selector: string) =>
  root.querySelector<T>(selector)!;

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
    this.box = $(root, '[data-session]');
    $(root, '[data-scope-title]').textContent = scopeTitle(data, this.scope);
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
    return $<HTMLTemplateElement>(this.root, `template[data-template="${name}"]`).content.cloneNode(
      true,
    ) as DocumentFragment;
  }

  /** The current question, from the question and option templates. */
  private showQuestion(): void {
    const q = this.round[this.position]!;
    const view = this.template('question');
    const article = $(view, 'article');
    article.dataset.question = q.id;
    $(view, '[data-head]').textContent = questionHead(this.position, this.round.length);
    this.fill($(view, '[data-context]'), q.context);
    this.fill($(view, '[data-subject]'), q.subject && subjectLine(q.subject));
    $(view, '[data-prompt]').textContent = q.prompt;
    const multiple = q.correct.length > 1;
    for (const option of q.options) {
      const row = this.template('option');
      const input = $<HTMLInputElement>(row, 'input');
      Object.assign(input, {
        type: multiple ? 'checkbox' : 'radio',
        name: 'dap-an',
        value: option.id,
        id: `dap-an-${option.id}`,
      });
      const label = $<HTMLLabelElement>(row, 'label');
      label.htmlFor = input.id;
      label.textContent = option.text;
      $(view, '[data-options]').append(row);
    }
    this.box.replaceChildren(view);
    $(this.box, '[data-head]').focus();
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
    $(this.box, '[data-choose-error]').hidden = chosen.length > 0;
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
      $(this.box, '[data-feedback]').after(line);
    }
  }

  /** The verdict, the right answer, the explanation, the cited points verbatim and the readings. */
  private showFeedback(q: Question, right: boolean): void {
    for (const input of this.box.querySelectorAll<HTMLInputElement>('input')) {
      input.disabled = true;
      input
        .closest('.option')
        ?.classList.add(
          q.correct.includes(input.value) ? 'is-right' : input.checked ? 'is-wrong' : 'other',
        );
    }
    $(this.box, '[data-before]').hidden = true;
    $(this.box, '[data-after]').hidden = false;
    const feedback = $(this.box, '[data-feedback]');
    feedback.textContent = answerVerdict(right);
    feedback.className = `feedback ${right ? 'right' : 'wrong'}`;
    $(this.box, '[data-right]').textContent = rightLine(q);
    this.fill($(this.box, '[data-explanation]'), q.explanation);
    for (const eId of q.cites) {
      const provision = this.data.provisions[eId];
      if (!provision) continue;
      const quote = this.template('quote');
      $(quote, '[data-text]').textContent = provision.text;
      const link = $<HTMLAnchorElement>(quote, '[data-link]');
      link.href = provision.href;
      link.textContent = provision.label;
      $(this.box, '[data-quotes]').append(quote);
    }
    for (const id of q.readings) {
      const note = this.template('reading');
      $(note, '[data-text]').textContent = this.data.readings[id] ?? '';
      $(this.box, '[data-readings]').append(note);
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
      $(view, '[data-score]'),
      this.round.length > 0 ? roundLine(this.right, this.round.length) : undefined,
    );
    $(view, '[data-due]').textContent = dueLine(
      queue.due.length,
      queue.fresh.length,
      queue.nextDue,
    );
    $(view, '[data-again]').hidden = queue.due.length + queue.fresh.length === 0;
    const role =
      this.scope && ('role' in this.scope ? this.scope.role : this.data.holders[this.scope.point]);
    $<HTMLAnchorElement>(view, '[data-back]').href =
      `${this.root.dataset.path}${role ? `${role}/` : ''}`;
    this.box.replaceChildren(view);
    $(this.box, 'h2').focus();
  }
}

export { progressStore } from './store.ts';
