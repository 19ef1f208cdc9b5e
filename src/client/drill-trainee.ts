/**
 * Trainee mode of a drill page: one inject at a time, an answer checked at once with the
 * cited text, a score at the end, retries of the missed injects, and progress kept in
 * localStorage. Enhances the static page built by src/pages/dien-tap/[drill]/index.astro;
 * the logic lives in src/lib/drills/progress.ts.
 */
import {
  answer,
  currentInject,
  missed,
  retryMissed,
  score,
  setAsideKey,
  startProgress,
  storageKey,
  type Progress,
} from '../lib/drills/progress.ts';
import { notify, readStored, writeStored } from './browser-storage.ts';

const $ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document) =>
  root.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document) => [
  ...root.querySelectorAll<T>(selector),
];
const show = (element: Element | null | undefined, visible: boolean) =>
  element?.toggleAttribute('hidden', !visible);

async function start(root: HTMLElement): Promise<void> {
  const drill = root.dataset.drill ?? '';
  const fingerprint = root.dataset.key ?? '';
  const key = storageKey(drill);
  const notices = $('[data-notices]', root);
  const injects = $$('[data-inject]', root).map((li, _, __, id = li.dataset.inject ?? '') => ({
    li,
    id,
    correct: (li.dataset.correct ?? '').split(' '),
    inputs: $$<HTMLInputElement>('input', li),
    head: $('.inject-head', li),
    question: $('legend', li)?.textContent?.trim() ?? '',
    feedback: $('[data-feedback]', li),
    box: $<HTMLDetailsElement>('[data-key-box]', li),
    error: $('[data-choose-error]', li),
    letter: (optionId: string) =>
      $(`label[for="tl-${id}-${optionId}"] .letter`, li)?.textContent?.replace('.', '') ?? optionId,
  }));
  const ids = injects.map((inject) => inject.id);
  const result = $('[data-result]', root);
  const progressLine = $('[data-progress]', root);

  let saveFailed = false;
  const save = () => {
    if (!writeStored(key, JSON.stringify(progress)) && !saveFailed) {
      saveFailed = true;
      notify(
        notices,
        'Trình duyệt không cho lưu tiến độ (bộ nhớ đầy hoặc bị chặn): kết quả chỉ còn đến khi đóng trang này.',
      );
    }
  };

  // The validator (zod) is fetched only when there is stored progress to check.
  const raw = readStored(key);
  const loaded =
    raw === null
      ? { progress: startProgress(drill, fingerprint, ids), notice: null, setAside: null }
      : (await import('../lib/drills/progress-load.ts')).loadProgress(raw, drill, fingerprint, ids);
  let progress: Progress = loaded.progress;
  if (loaded.setAside !== null) {
    const aside = setAsideKey(drill, new Date());
    const kept = writeStored(aside, loaded.setAside);
    notify(notices, loaded.notice ?? '', {
      key: kept ? aside : key,
      raw: loaded.setAside,
      file: `dien-tap-${drill}-ban-cat-rieng.json`,
    });
    save();
  }
  /** The inject just answered, shown with its feedback until "next". */
  let viewing: string | null = null;

  function render(): void {
    const current = currentInject(progress);
    const shown = viewing ?? current;
    for (const inject of injects) {
      const given = progress.answers[inject.id];
      const answered = viewing === inject.id && given !== undefined;
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
        input.parentElement?.classList.toggle(
          'is-right',
          answered && inject.correct.includes(input.value),
        );
        input.parentElement?.classList.toggle(
          'is-wrong',
          answered && input.checked && !inject.correct.includes(input.value),
        );
      }
      if (answered && inject.feedback) {
        const right = inject.correct.map(inject.letter).join(', ');
        inject.feedback.textContent = given.right
          ? 'Đúng. Căn cứ ở ngay dưới đây.'
          : `Chưa đúng. ${inject.correct.length > 1 ? 'Các đáp án đúng là' : 'Đáp án đúng là'} ${right}; xem giải thích và căn cứ dưới đây.`;
        inject.feedback.className = `feedback ${given.right ? 'right' : 'wrong'}`;
      }
    }
    // The headings count the whole drill; a retry round says where it is among the missed.
    if (progressLine && shown) {
      progressLine.textContent = `Làm lại lần ${progress.round - 1}: tình huống ${progress.queue.indexOf(shown) + 1}/${progress.queue.length} trong số các tình huống chưa đúng.`;
    }
    show(progressLine, shown !== null && progress.round > 1);

    show(result, shown === null);
    if (shown === null && result) {
      const total = score(progress, ids);
      const again = missed(progress);
      const scoreLine = $('[data-score]', result);
      if (scoreLine) {
        scoreLine.textContent =
          `Lần trả lời đầu: đúng ${total.first}/${total.total} tình huống.` +
          (progress.round > 1
            ? ` Sau ${progress.round - 1} lượt làm lại: đã đúng ${total.solved}/${total.total}.`
            : '');
      }
      const list = $('[data-missed-list]', result);
      list?.replaceChildren(
        ...again.map((id) => {
          const inject = injects.find((entry) => entry.id === id);
          const item = document.createElement('li');
          item.textContent = `${inject?.head?.textContent?.split('·')[0]?.trim() ?? ''}: ${inject?.question ?? ''}`;
          return item;
        }),
      );
      show($('[data-missed]', result), again.length > 0);
      show($('[data-retry]', result), again.length > 0);
    }
  }

  const focus = (element: HTMLElement | null | undefined) => element?.focus();

  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button');
    if (!button) return;
    if (button.hasAttribute('data-answer')) {
      const inject = injects.find((entry) => entry.li.contains(button));
      if (!inject) return;
      const chosen = inject.inputs.filter((input) => input.checked).map((input) => input.value);
      if (chosen.length === 0) {
        show(inject.error, true);
        inject.error?.setAttribute('role', 'alert');
        inject.inputs[0]?.focus();
        return;
      }
      progress = answer(progress, inject.id, chosen, inject.correct);
      viewing = inject.id;
      save();
      render();
      focus(inject.feedback);
    } else if (button.hasAttribute('data-next')) {
      viewing = null;
      render();
      const next = currentInject(progress);
      focus(next ? injects.find((entry) => entry.id === next)?.head : $('#ket-qua', root));
    } else if (button.hasAttribute('data-retry') || button.hasAttribute('data-restart')) {
      progress = button.hasAttribute('data-retry')
        ? retryMissed(progress)
        : startProgress(drill, fingerprint, ids);
      viewing = null;
      save();
      render();
      focus(injects.find((entry) => entry.id === currentInject(progress))?.head);
    }
  });

  // Another tab of the same drill answered: keep every answer of both (src/lib/drills/merge.ts).
  let queue = Promise.resolve();
  window.addEventListener('storage', (event) => {
    if (event.key !== key || event.newValue === null) return;
    const raw = event.newValue;
    queue = queue.then(async () => {
      const [{ loadProgress }, { mergeProgress }] = await Promise.all([
        import('../lib/drills/progress-load.ts'),
        import('../lib/drills/merge.ts'),
      ]);
      const theirs = loadProgress(raw, drill, fingerprint, ids);
      if (theirs.setAside !== null) return;
      progress = mergeProgress(progress, theirs.progress);
      if (JSON.stringify(progress) !== raw) save();
      if (viewing && !(viewing in progress.answers)) viewing = null;
      render();
    });
  });

  root.classList.add('enhanced');
  render();
}

const root = document.querySelector<HTMLElement>('[data-drill]');
if (root) void start(root);
