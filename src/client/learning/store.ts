/**
 * The learner's progress in this browser: read and validated once, set aside (never deleted)
 * when it cannot be used, written after every change, and merged with what another tab
 * writes (the storage event). Every write first merges the stored copy, and a tab that hears
 * of a copy missing its own answers writes the union back, so tabs converge and keep all.
 */
import {
  emptyState,
  loadState,
  mergeStates,
  serialiseState,
  setAsideKey,
  STORAGE_KEY,
  type LearningState,
} from '../../lib/learning/state.ts';
import { storedProblem } from '../../lib/learning/wording.ts';

type Listener = (state: LearningState) => void;

function read(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function write(key: string, value: string): boolean {
  try {
    localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export class ProgressStore {
  state: LearningState = emptyState();
  /** Set when stored progress could not be used (it was kept aside). */
  notice: string | null = null;
  private readonly listeners = new Set<Listener>();

  /** Reads what is stored; listens to other tabs. */
  open(): this {
    const raw = read();
    const loaded = loadState(raw);
    if (!loaded.ok && raw !== null) {
      write(setAsideKey(new Date()), raw);
      this.notice = storedProblem(loaded.problem);
    }
    this.state = loaded.state;
    window.addEventListener('storage', (event) => this.onStorage(event));
    return this;
  }

  subscribe(listener: Listener): void {
    this.listeners.add(listener);
    listener(this.state);
  }

  /** Applies a change to the freshest copy (stored merged with ours) and saves it. */
  update(change: (state: LearningState) => LearningState): boolean {
    this.state = change(this.mergedWithStored());
    const saved = write(STORAGE_KEY, serialiseState(this.state));
    this.emit();
    return saved;
  }

  private mergedWithStored(): LearningState {
    const stored = loadState(read());
    return stored.ok ? mergeStates(this.state, stored.state) : this.state;
  }

  /** Another tab wrote: take its answers in; if it lacks some of ours, write the union back. */
  private onStorage(event: StorageEvent): void {
    if (event.key !== STORAGE_KEY || event.newValue === null) return;
    const theirs = loadState(event.newValue);
    if (!theirs.ok) return;
    this.state = mergeStates(this.state, theirs.state);
    const text = serialiseState(this.state);
    if (text !== event.newValue) write(STORAGE_KEY, text);
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.state);
  }
}

/** One store per page. */
let shared: ProgressStore | undefined;
export const progressStore = (): ProgressStore => (shared ??= new ProgressStore().open());
