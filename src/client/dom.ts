/**
 * The few DOM helpers the islands share: querying inside a root, showing and hiding with the
 * `hidden` attribute, a new element with its text, a copy of a <template> the page holds, and
 * routing a click to its button.
 */

export const $ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document) =>
  root.querySelector<T>(selector);

export const $$ = <T extends Element = HTMLElement>(
  selector: string,
  root: ParentNode = document,
) => [...root.querySelectorAll<T>(selector)];

export const show = (element: Element | null | undefined, visible: boolean) =>
  element?.toggleAttribute('hidden', !visible);

/** A new element holding `text`. */
export const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text = '',
): HTMLElementTagNameMap[K] => {
  const element = document.createElement(tag);
  element.textContent = text;
  return element;
};

/** A copy of the first element of `<template data-template="name">` inside root. */
export function fromTemplate<T extends Element = HTMLElement>(
  root: ParentNode,
  name: string,
): T | null {
  const template = $<HTMLTemplateElement>(`template[data-template="${name}"]`, root);
  return (template?.content.firstElementChild?.cloneNode(true) as T | undefined) ?? null;
}

/**
 * Routes a click inside an island to the handler of its button's data attribute: the first of
 * `handlers`' attributes the button carries, in the table's order. Clicks off a button do nothing.
 */
export function routeClick(
  event: Event,
  handlers: Record<string, (button: HTMLButtonElement) => unknown>,
): void {
  const button = (event.target as Element).closest('button');
  if (!button) return;
  const attribute = Object.keys(handlers).find((name) => button.hasAttribute(name));
  if (attribute) void handlers[attribute]?.(button);
}
