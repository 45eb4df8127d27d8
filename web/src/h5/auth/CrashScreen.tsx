import { useI18n } from '../../i18n/context.ts';
import { Button } from '../../phone/ui/controls.tsx';
import { Alert } from '../../phone/ui/feedback.tsx';
import { PhoneScreen } from './PhoneScreen.tsx';

/** What a render error leaves: the drafts are safe on the phone, and a reload usually helps. */
export function CrashScreen() {
  const { t } = useI18n();
  return (
    <PhoneScreen title={t('h5.title')} testId="page-crashed">
      <Alert type="error" title={t('status.crashed')} description={t('h5.crashedHint')} />
      <Button kind="primary" size="large" block onClick={() => window.location.reload()}>
        {t('h5.reload')}
      </Button>
    </PhoneScreen>
  );
}
