import { useCallback, useState } from 'react';
import { App, type FormInstance } from 'antd';
import { errorText, fieldErrorsOf, isApiError, toFormFieldErrors, toFormPath } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';

/**
 * Like useFormSubmit, but a business error naming several fields (INSPECTION_INVALID_CHECKLIST names each item of a
 * checklist) shows each field's own text, which the server renders in the request's language, rather than the
 * error's one title on every field.
 */
export function useDetailSubmit<V>(form: FormInstance<V>, submit: (values: V) => Promise<unknown>) {
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
        const own = fieldErrorsOf(error).flatMap((d) => {
          const name = toFormPath(d.field);
          return name && d.message ? [{ name, errors: [d.message] }] : [];
        });
        const business = isApiError(error) && error.code !== 'VALIDATION_FAILED';
        const fields = business && own.length ? own : toFormFieldErrors(error, locale);
        if (fields.length > 0) form.setFields(fields as Parameters<typeof form.setFields>[0]);
        void message.error(errorText(error, locale));
        return false;
      } finally {
        setSubmitting(false);
      }
    },
    [form, submit, locale, message],
  );
  return { submitting, run };
}
