/**
 * The stored runs' format as the rest of the code imports it: its rules (format.ts, which
 * describes it), the types of the values its validators accept (store-schema.ts), and where a
 * role's runs are kept. Split so that the validators, which need the rules, import nothing
 * back from here.
 */
export * from './format.ts';
export type { EntryKind, ItemState, JournalEntry, Run, Store } from './store-schema.ts';

/** The localStorage key of a role's runs. */
export const storageKey = (role: string): string => `so-tay-truc-ban:checklist:${role}`;

/** Where state that could not be used is kept, so that nothing is lost. */
export const setAsideKey = (role: string, now: Date): string =>
  `${storageKey(role)}:set-aside:${now.toISOString()}`;
