/**
 * <drill-quiz>: «Ai làm việc này?». Each round draws one article and up to QUIZ_LENGTH of its
 * questions (drawRound in src/lib/drills/quiz.ts) from the lists the page gives per article,
 * and asks them one at a time with immediate feedback and a score; every sentence is from
 * src/lib/drills/wording.ts. Nothing is stored: a round is quick, and a new one is a new draw.
 */
import { drawRound, QUIZ_LENGTH } from '../lib/drills/quiz.ts';
import { quizFeedback, quizHead, quizProgress, quizScore } from '../lib/drills/wording.ts';
import { $, $$, routeClick, show } from './dom.ts';

class DrillQuiz extends HTMLElement {
  private run!: HTMLElement;
  /** Each article's questions, as the page lists them. */
  private articles: HTMLElement[][] = [];
  private length = QUIZ_LENGTH;
  private round: HTMLElement[] = [];
  private position = 0;
  private right = 0;
  private answered = false;

  connectedCallback(): void {
    const run = $('[data-quiz]', this);
    if (!run) return;
    this.run = run;
    this.articles = $$('[data-article]', run).map((list) => $$('[data-quiz-item]', list));
    this.length = Number(run.dataset.length) || QUIZ_LENGTH;
    run.addEventListener('click', (event) => this.onClick(event));
    this.newRound();
  }

  private get current(): HTMLElement | undefined {
    return this.round[this.position];
  }

  private newRound(): void {
    this.round = drawRound(this.articles, this.length);
    this.position = 0;
    this.right = 0;
    this.answered = false;
    for (const item of this.articles.flat()) {
      for (const input of $$<HTMLInputElement>('input', item)) input.checked = false;
      show($('[data-choose-error]', item), false);
    }
    // The drawn questions first, in the drawn order, numbered for this round.
    const list = this.round[0]?.parentElement;
    this.round.forEach((item, index) => {
      list?.insertBefore(item, list.children[index] ?? null);
      const head = $('.inject-head', item);
      if (head) head.textContent = quizHead(index, this.round.length);
    });
    this.render();
  }

  // ── render steps ───────────────────────────────────────────────────────

  private render(): void {
    const current = this.current;
    for (const item of this.articles.flat()) show(item, item === current);
    show($('[data-result]', this.run), !current);
    show($('[data-progress]', this.run), Boolean(current));
    if (current) this.renderQuestion(current);
    else this.renderScore();
  }

  private renderQuestion(current: HTMLElement): void {
    // The question on screen counts once it has been answered.
    const progress = $('[data-progress]', this.run);
    if (progress)
      progress.textContent = quizProgress(this.right, this.position + (this.answered ? 1 : 0));
    show($('[data-before]', current), !this.answered);
    show($('[data-after]', current), this.answered);
    show($('[data-feedback]', current), this.answered);
    const box = $<HTMLDetailsElement>('[data-key-box]', current);
    show(box, this.answered);
    if (box) box.open = this.answered;
    for (const input of $$<HTMLInputElement>('input', current)) input.disabled = this.answered;
  }

  private renderScore(): void {
    const score = $('[data-score]', this.run);
    if (score) score.textContent = quizScore(this.right, this.round.length);
  }

  // ── events ─────────────────────────────────────────────────────────────

  private onClick(event: Event): void {
    routeClick(event, {
      'data-answer': () => this.onAnswer(),
      'data-next': () => this.onNext(),
      'data-again': () => this.onAgain(),
    });
  }

  private onAnswer(): void {
    const current = this.current;
    if (!current) return;
    const chosen = $<HTMLInputElement>('input:checked', current);
    const error = $('[data-choose-error]', current);
    show(error, !chosen);
    error?.setAttribute('role', 'alert');
    if (!chosen) return;
    const ok = chosen.value === current.dataset.correct;
    if (ok) this.right += 1;
    this.answered = true;
    const feedback = $('[data-feedback]', current);
    if (feedback) {
      feedback.textContent = quizFeedback(ok, $('.answer-right', current)?.textContent ?? '');
      feedback.className = `feedback ${ok ? 'right' : 'wrong'}`;
    }
    this.render();
    feedback?.focus();
  }

  private onNext(): void {
    this.position += 1;
    this.answered = false;
    this.render();
    (this.current ? $('.inject-head', this.current) : $('#ket-qua', this.run))?.focus();
  }

  private onAgain(): void {
    this.newRound();
    if (this.current) $('.inject-head', this.current)?.focus();
  }
}

customElements.define('drill-quiz', DrillQuiz);
