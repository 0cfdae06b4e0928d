import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';

import { useLocalize } from '../components/localized-text';
import { serverFieldErrors } from '../lib/server-field-errors';
import { type ApiError, asApiError } from '../providers/http';

type Options = {
  /** The form whose fields carry the server's per-field messages (`fieldErrors`), in the current language. */
  form?: FormInstance;
  /**
   * A server field's name in this form (the API's startsAt and endsAt are one date window here); `null` leaves
   * the message to the alert. Without it, every field the server names is set on the form by that name.
   */
  fieldOf?: (name: string) => string | null;
  /** Shorthand for `fieldOf`: the fields the form shows (others are left to the alert). */
  fields?: readonly string[];
  /** Where a refusal that names no field is shown, for a form without an alert of its own. */
  fallbackField?: string;
  /** What else a refusal changes (the fields to show again, a row to mark), after the fields are set. */
  onError?: (err: ApiError) => void;
};

/**
 * One way to send a form: whether it is in flight, the API's refusal as the console's ApiError (with the
 * words to show it), and the server's field messages put on the form's fields. `submit` resolves to whether
 * the send went through, so a caller can close its dialog only then.
 */
export function useSubmit<A extends unknown[]>(send: (...args: A) => Promise<unknown>, options: Options = {}) {
  const localize = useLocalize();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const clearError = useCallback(() => setError(null), []);
  const submit = async (...args: A): Promise<boolean> => {
    setPending(true);
    setError(null);
    try {
      await send(...args);
      return true;
    } catch (e) {
      const err = asApiError(e);
      setError(err);
      const { form, fields: shown, fallbackField } = options;
      const fieldOf = options.fieldOf ?? (shown ? (name: string) => (shown.includes(name) ? name : null) : undefined);
      if (form) {
        const fields = serverFieldErrors(err, localize).flatMap((f) => {
          const name = fieldOf ? fieldOf(f.name) : f.name;
          return name ? [{ name, errors: f.errors }] : [];
        });
        if (!fields.length && fallbackField) fields.push({ name: fallbackField, errors: [errorText(err, localize)] });
        form.setFields(fields);
      }
      options.onError?.(err);
      return false;
    } finally {
      setPending(false);
    }
  };
  return {
    submit,
    pending,
    error,
    /** What to show for the refusal: the server's words in the current language. */
    errorText: error ? errorText(error, localize) : null,
    clearError,
  };
}

const errorText = (err: ApiError, localize: ReturnType<typeof useLocalize>) =>
  err.localized ? localize(err.localized) : err.message;
