/**
 * The few DOM helpers the drill islands share: querying inside a root, showing and hiding
 * with the `hidden` attribute, and a copy of a <template> the page holds.
 */

export const $ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document) =>
  root.querySelector<T>(selector);

export const $$ = <T extends Element = HTMLElement>(
  selector: string,
  root: ParentNode = document,
) => [...root.querySelectorAll<T>(selector)];

export const show = (element: Element | null | undefined, visible: boolean) =>
  element?.toggleAttribute('hidden', !visible);

/** A copy of the first element of `<template data-template="name">` inside root. */
export function fromTemplate<T extends Element = HTMLElement>(
  root: ParentNode,
  name: string,
): T | null {
  const template = $<HTMLTemplateElement>(`template[data-template="${name}"]`, root);
  return (template?.content.firstElementChild?.cloneNode(true) as T | undefined) ?? null;
}
