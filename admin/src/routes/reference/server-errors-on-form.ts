import type { FormInstance } from 'antd';

import type { ApiError } from '../../providers/http';
import type { LocalizedText } from '../../types/contract';

type Path = Array<string | number>;

/** `content.items.3.window.from` → `['content', 'items', 3, 'window', 'from']`, the form's own name of that cell. */
export const toNamePath = (key: string): Path => key.split('.').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));

/**
 * Puts the API's 422 field messages on the editor's cells. A message for a path the form does not
 * show (e.g. a whole missing object) goes to its nearest shown ancestor; what has none is returned,
 * for the editor's alert. Returns the first placed path too, to scroll to it.
 */
export function placeServerErrors(
  form: FormInstance,
  err: ApiError,
  localize: (t: LocalizedText) => string,
): { unplaced: Array<[string, string]>; first: Path | null } {
  const shown = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  const byField = new Map<string, { name: Path; errors: string[] }>();
  const unplaced: Array<[string, string]> = [];
  for (const [key, msg] of Object.entries(err.fieldErrors)) {
    let name = toNamePath(key);
    while (name.length && !shown.has(JSON.stringify(name))) name = name.slice(0, -1);
    if (!name.length) {
      unplaced.push([key, localize(msg)]);
      continue;
    }
    const id = JSON.stringify(name);
    const entry = byField.get(id) ?? { name, errors: [] };
    entry.errors.push(localize(msg));
    byField.set(id, entry);
  }
  const fields = [...byField.values()];
  form.setFields(fields);
  return { unplaced, first: fields[0]?.name ?? null };
}
