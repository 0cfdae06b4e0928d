import type { ApiError } from '../providers/http';
import type { LocalizedText } from '../types/contract';

/**
 * The server's per-field messages as antd `form.setFields` entries, in the current language. Fields
 * the form does not show are left out (the caller shows them in its alert instead).
 */
export function serverFieldErrors<N extends string>(
  err: ApiError,
  localize: (text: LocalizedText) => string,
  shown?: readonly N[],
): Array<{ name: N; errors: string[] }> {
  return Object.entries(err.fieldErrors).flatMap(([name, msg]) =>
    !shown || (shown as readonly string[]).includes(name) ? [{ name: name as N, errors: [localize(msg)] }] : [],
  );
}
