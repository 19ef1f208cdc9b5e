/**
 * A tab left open across a new version of the handbook asks for code files that the new
 * build has renamed; the import fails. The page says so and offers to reload: runs, notes
 * and journal entries are already stored, and a journal entry being typed is kept as a draft.
 */
export function reloadNotice(message: string): HTMLElement {
  const notice = document.createElement('div');
  notice.className = 'notice';
  notice.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = `${message} Tải lại trang để dùng bản mới; những gì đã ghi không mất.`;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Tải lại trang';
  button.addEventListener('click', () => location.reload());
  notice.append(text, button);
  return notice;
}
