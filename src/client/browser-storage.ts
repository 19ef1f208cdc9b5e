/**
 * Browser storage and notices shared by the role checklists and the drill pages: localStorage
 * that may be full or blocked, and a notice (role="alert") that can offer the text it set
 * aside for download.
 */

export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string): boolean {
  try {
    localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** Shows a notice in `box`; with `aside`, links the text set aside for download. */
export function notify(
  box: Element | null,
  message: string,
  aside?: { raw: string; file: string },
): void {
  if (!box) return;
  const notice = document.createElement('div');
  notice.className = 'notice';
  notice.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = message;
  notice.append(text);
  if (aside) {
    const where = document.createElement('p');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([aside.raw], { type: 'application/json' }));
    link.download = aside.file;
    link.textContent = 'Tải bản đã cất về máy';
    where.append(link);
    notice.append(where);
  }
  box.append(notice);
}
