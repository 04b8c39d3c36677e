/** Reading what the user dropped or pasted: files from a DataTransfer, and whether a paste was meant for a field. */

/** Every file of a drop or paste (some browsers list a file only among the items). */
export function filesOf(data: DataTransfer | null | undefined): File[] {
  if (!data) return [];
  const files = Array.from(data.files ?? []);
  for (const item of Array.from(data.items ?? [])) {
    const file = item.kind === 'file' ? item.getAsFile() : null;
    if (file && !files.includes(file)) files.push(file);
  }
  return files;
}

/** The first image file dropped or pasted, else the first file of any kind (refused later), else null. */
export function pickFile(data: DataTransfer | null | undefined): File | null {
  const files = filesOf(data);
  return files.find(isImage) ?? files[0] ?? null;
}

export function isImage(file: Blob): boolean {
  return file.type.startsWith('image/');
}

/** Whether a drag carries files (not text or a link being dragged around the page). */
export function carriesFiles(data: DataTransfer | null | undefined): boolean {
  return Array.from(data?.types ?? []).includes('Files');
}

/** A paste into a text field belongs to that field. */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement
  );
}

/**
 * A file dropped beside the drop zone would make the browser open it in place of the page; files are only
 * taken by drop zones, so elsewhere such a drop is ignored.
 */
export function ignoreStrayDrops(target: Document): void {
  for (const type of ['dragover', 'drop'] as const) {
    target.addEventListener(type, (e) => {
      if (carriesFiles(e.dataTransfer) && !e.defaultPrevented) {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'none';
      }
    });
  }
}
