import { useState, type ChangeEvent } from 'react';
import { useI18n } from '../../i18n/context.ts';
import { compressPhoto, photoProblem } from '../../phone/photos.ts';
import { Spin } from '../../phone/ui/feedback.tsx';
import { Icon } from '../../phone/ui/icons.tsx';
import { toast } from '../../phone/ui/toast.tsx';
import { MAX_PHOTOS } from '../offline/draft.ts';

interface Props {
  photos: string[];
  onChange: (photos: string[]) => void;
  /** `h5-report-photo` → h5-report-photo-input, h5-report-photo-0, h5-report-photo-remove-0 */
  testId: string;
  max?: number;
}

/**
 * Camera photos: the input asks for the rear camera (`capture="environment"`) and still lets a phone pick from
 * its gallery where the browser offers that. Each photo is compressed on the device as soon as it is taken.
 */
export function PhotoPicker({ photos, onChange, testId, max = MAX_PHOTOS }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(0);

  const add = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])];
    input.value = '';
    const room = max - photos.length;
    if (files.length > room) toast.warning(t('h5.report.photoTooMany', { max }));
    const taken = files.slice(0, Math.max(0, room));
    setBusy((n) => n + taken.length);
    const added: string[] = [];
    for (const file of taken) {
      try {
        added.push(await compressPhoto(file));
      } catch (error) {
        const problem = photoProblem(error);
        toast.error(t(problem.key, problem.params));
      } finally {
        setBusy((n) => n - 1);
      }
    }
    if (added.length > 0) onChange([...photos, ...added].slice(0, max));
  };

  return (
    <div className="phone-photos h5-photos" data-testid={`${testId}s`} data-count={photos.length}>
      {photos.map((url, index) => (
        <div className="phone-photo h5-photo" key={`${index}-${url.length}`} data-testid={`${testId}-${index}`}>
          <img src={url} alt="" />
          <button
            type="button"
            className="phone-photo-remove"
            aria-label={t('h5.report.removePhoto', { n: index + 1 })}
            onClick={() => onChange(photos.filter((_, i) => i !== index))}
            data-testid={`${testId}-remove-${index}`}
          >
            <Icon name="close" />
          </button>
        </div>
      ))}
      {Array.from({ length: busy }, (_, i) => (
        <div className="phone-photo phone-photo-busy h5-photo" key={`busy-${i}`}>
          <Spin />
        </div>
      ))}
      {photos.length + busy < max ? (
        <label className="phone-photo-add h5-photo-add">
          <Icon name="camera" />
          <span>{t('h5.report.addPhoto')}</span>
          <input
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            onChange={(event) => void add(event)}
            aria-label={t('h5.report.addPhoto')}
            data-testid={`${testId}-input`}
          />
        </label>
      ) : null}
    </div>
  );
}
