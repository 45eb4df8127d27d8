import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { Alert, Loading } from '../../phone/ui/feedback.tsx';
import { participationApi } from '../api/participation.api.ts';

/** The link in every update message: cancels that subscription (the same answer for a link already used). */
export function UnsubscribePage() {
  const { t, locale } = useI18n();
  const { token = '' } = useParams();
  // 'working', 'done', or the error's text
  const [state, setState] = useState<string>('working');
  useEffect(() => {
    participationApi.unsubscribe(token).then(
      () => setState('done'),
      (error: unknown) => setState(errorText(error, locale)),
    );
  }, [token, locale]);
  return (
    <section className="phone-section pub-section" data-testid="public-unsubscribe" data-state={state}>
      <div className="pub-section-title">{t('participation.unsubscribe.title')}</div>
      {state === 'working' ? (
        <Loading label={t('participation.unsubscribe.working')} />
      ) : state === 'done' ? (
        <Alert type="success" title={t('participation.unsubscribe.done')} />
      ) : (
        <Alert type="error" title={state} />
      )}
    </section>
  );
}
