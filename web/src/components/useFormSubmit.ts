import { useCallback, useState } from 'react';
import { App, type FormInstance } from 'antd';
import { errorText, fieldErrorsOf, isApiError, toFormFieldErrors, toFormPath } from '../api/errors.ts';
import { useI18n } from '../i18n/context.ts';
import type { Locale } from '../../../common/i18n/core.ts';

/**
 * The fields of a failed submit. With `detailTexts`, a business error naming several fields (a checklist's items)
 * puts each field's own text, rendered by the server in the request's language, instead of the error's one title.
 */
function fieldsOf(error: unknown, locale: Locale, detailTexts: boolean) {
  if (detailTexts && isApiError(error) && error.code !== 'VALIDATION_FAILED') {
    const own = fieldErrorsOf(error).flatMap((d) => {
      const name = toFormPath(d.field);
      return name && d.message ? [{ name, errors: [d.message] }] : [];
    });
    if (own.length) return own;
  }
  return toFormFieldErrors(error, locale);
}

/**
 * Wraps a form submit: shows the spinner, puts server validation errors (400 details) on their fields and
 * any other error in a message. Answers true when the submit succeeded.
 */
export function useFormSubmit<V>(
  form: FormInstance<V>,
  submit: (values: V) => Promise<unknown>,
  options: { detailTexts?: boolean } = {},
) {
  const detailTexts = options.detailTexts ?? false;
  const { locale } = useI18n();
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);

  const run = useCallback(
    async (values: V): Promise<boolean> => {
      setSubmitting(true);
      try {
        await submit(values);
        return true;
      } catch (error) {
        const fields = fieldsOf(error, locale, detailTexts);
        if (fields.length > 0) form.setFields(fields as Parameters<typeof form.setFields>[0]);
        void message.error(errorText(error, locale));
        return false;
      } finally {
        setSubmitting(false);
      }
    },
    [form, submit, locale, message, detailTexts],
  );
  return { submitting, run };
}
