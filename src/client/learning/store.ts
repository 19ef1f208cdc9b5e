/**
 * The learner's progress in this browser, kept by the one store (src/lib/store/kept.ts,
 * src/client/saved.ts): read and validated once, set aside (never overwritten before it is
 * safe) when it cannot be used, written after every change, and merged with what another
 * tab writes. Every change is made to the stored copy merged with ours, so tabs converge and
 * keep every answer; a change that could not be stored is said where the learner is.
 */
import { learningKind } from '../../lib/learning/kind.ts';
import { STORAGE_KEY, type LearningState } from '../../lib/learning/state.ts';
import { LOAD_FAILED } from '../../lib/learning/wording.ts';
import type { Saved } from '../../lib/store/kept.ts';
import { readStored, SavedWork } from '../saved.ts';

type Listener = (state: LearningState) => void;

/** Where the learning pages show notices: just after their status line. */
function noticeBox(): Element | null {
  const existing = document.querySelector('[data-notices]');
  if (existing) return existing;
  const status = document.querySelector('[data-message]');
  const box = document.createElement('div');
  box.dataset.notices = '';
  status?.after(box);
  return status ? box : null;
}

export class ProgressStore {
  readonly saved = new SavedWork(learningKind, {
    box: noticeBox,
    file: 'tien-do-hoc-tap.json',
    asideFile: 'tien-do-hoc-tap-ban-cat-rieng.json',
    codeGone: LOAD_FAILED,
  });
  private readonly listeners = new Set<Listener>();

  get state(): LearningState {
    return this.saved.state;
  }

  /** Reads what is stored; listens to other tabs. */
  async open(): Promise<this> {
    await this.saved.open();
    this.saved.follow(
      () => Promise.resolve(),
      (raw) => {
        this.saved.hear(raw);
        this.emit();
      },
    );
    return this;
  }

  subscribe(listener: Listener): void {
    this.listeners.add(listener);
    listener(this.state);
  }

  /**
   * Applies a change to the freshest copy (stored merged with ours) and saves it; says
   * whether it is stored ('saved'), and shows why not otherwise.
   */
  update(change: (state: LearningState) => LearningState): Saved {
    // The reader is there: open() loaded it whenever something was stored, and a first
    // write needs no merge with a store that was empty.
    if (this.saved.reader) this.saved.hear(readStored(STORAGE_KEY));
    const saved = this.saved.save(change(this.state));
    this.emit();
    return saved;
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.state);
  }
}

/** One store per page, read once. */
let shared: Promise<ProgressStore> | undefined;
export const progressStore = (): Promise<ProgressStore> => (shared ??= new ProgressStore().open());
