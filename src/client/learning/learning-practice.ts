/**
 * <learning-practice>: the practice page's first-visit code, kept small: it shows the start
 * button and, when practice starts, loads the questions and the session (practice-session.ts).
 */
import { LOAD_FAILED } from '../../lib/learning/wording.ts';

class LearningPractice extends HTMLElement {
  connectedCallback(): void {
    for (const hidden of this.querySelectorAll<HTMLElement>('[data-needs-script]'))
      hidden.hidden = false;
    this.querySelector('[data-start]')?.addEventListener(
      'click',
      (event) => void this.onStart(event.target as HTMLButtonElement),
    );
  }

  private async onStart(button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      const [{ PracticeSession, progressStore }, data] = await Promise.all([
        import('./practice-session.ts'),
        fetch(this.dataset.questions!).then((response) => {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        }),
      ]);
      button.closest('[data-needs-script]')?.setAttribute('hidden', '');
      new PracticeSession(this, data, await progressStore()).start();
    } catch {
      button.disabled = false;
      const box = this.querySelector('[data-message]');
      if (box) box.textContent = LOAD_FAILED;
    }
  }
}

customElements.define('learning-practice', LearningPractice);
