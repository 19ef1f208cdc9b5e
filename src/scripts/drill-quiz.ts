/**
 * "Ai làm việc này?": draws a random round from the questions the page lists (drawQuiz in
 * src/lib/drills/quiz.ts) and asks them one at a time with immediate feedback and a score.
 * Nothing is stored: a round is quick, and a new one is a new draw.
 */
import { drawQuiz, QUIZ_LENGTH } from '../lib/drills/quiz.ts';

const $ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document) =>
  root.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document) => [
  ...root.querySelectorAll<T>(selector),
];
const show = (element: Element | null | undefined, visible: boolean) =>
  element?.toggleAttribute('hidden', !visible);

function start(root: HTMLElement): void {
  const items = $$('[data-quiz-item]', root);
  const length = Number(root.dataset.length) || QUIZ_LENGTH;
  const progress = $('[data-progress]', root);
  const result = $('[data-result]', root);
  let round: HTMLElement[] = [];
  let position = 0;
  let right = 0;
  let answered = false;

  function render(): void {
    const current = round[position];
    for (const item of items) show(item, item === current);
    show(result, !current);
    show(progress, Boolean(current));
    if (current) {
      // The question on screen counts once it has been answered.
      const done = position + (answered ? 1 : 0);
      if (progress) progress.textContent = `Đã trả lời đúng ${right}/${done} câu.`;
      show($('[data-before]', current), !answered);
      show($('[data-after]', current), answered);
      show($('[data-feedback]', current), answered);
      show($('[data-key-box]', current), answered);
      ($('[data-key-box]', current) as HTMLDetailsElement).open = answered;
      for (const input of $$<HTMLInputElement>('input', current)) input.disabled = answered;
    } else {
      const score = $('[data-score]', root);
      if (score) score.textContent = `Đúng ${right}/${round.length} câu.`;
    }
  }

  function newRound(): void {
    round = drawQuiz(items, length);
    position = 0;
    right = 0;
    answered = false;
    for (const item of items) {
      for (const input of $$<HTMLInputElement>('input', item)) input.checked = false;
      show($('[data-choose-error]', item), false);
    }
    // The drawn questions first, in the drawn order, numbered for this round.
    const list = round[0]?.parentElement;
    round.forEach((item, index) => {
      list?.insertBefore(item, list.children[index] ?? null);
      const head = $('.inject-head', item);
      if (head) head.textContent = `Câu ${index + 1}/${round.length}`;
    });
    render();
  }

  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button');
    const current = round[position];
    if (!button) return;
    if (button.hasAttribute('data-answer') && current) {
      const chosen = $<HTMLInputElement>('input:checked', current);
      const error = $('[data-choose-error]', current);
      show(error, !chosen);
      error?.setAttribute('role', 'alert');
      if (!chosen) return;
      const ok = chosen.value === current.dataset.correct;
      if (ok) right += 1;
      answered = true;
      const feedback = $('[data-feedback]', current);
      if (feedback) {
        feedback.textContent = ok
          ? 'Đúng.'
          : `Chưa đúng. ${$('.answer-right', current)?.textContent ?? ''}.`;
        feedback.className = `feedback ${ok ? 'right' : 'wrong'}`;
      }
      render();
      feedback?.focus();
    } else if (button.hasAttribute('data-next')) {
      position += 1;
      answered = false;
      render();
      (round[position] ? $('.inject-head', round[position]) : $('#ket-qua', root))?.focus();
    } else if (button.hasAttribute('data-again')) {
      newRound();
      $('.inject-head', round[0])?.focus();
    }
  });

  newRound();
}

const root = document.querySelector<HTMLElement>('[data-quiz]');
if (root) start(root);
