import { useState, type ChangeEvent } from 'react';
import { compressPhoto, photoProblem } from '../../phone/photos.ts';
import { useI18n } from '../../i18n/context.ts';
import { randomKey, type DraftPhoto } from '../api/device.ts';
import { Icon } from '../../phone/ui/icons.tsx';
import { toast } from '../../phone/ui/toast.tsx';
import { Spin } from '../../phone/ui/feedback.tsx';

/**
 * Photos from the camera (or the gallery where the phone offers it), shrunk and stripped of EXIF on the phone
 * before they are kept in the draft or sent. Each photo gets its own upload key, so a retried upload never
 * creates a second copy.
 */
export function PhotoField({
  photos,
  onChange,
  max,
}: {
  photos: DraftPhoto[];
  onChange: (photos: DraftPhoto[]) => void;
  max: number;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(0);

  const add = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])].slice(0, Math.max(0, max - photos.length));
    input.value = '';
    setBusy((n) => n + files.length);
    const added: DraftPhoto[] = [];
    for (const file of files) {
      try {
        added.push({ url: await compressPhoto(file), key: randomKey('p'), id: null });
      } catch (error) {
        const problem = photoProblem(error);
        toast.error(t(problem.key, problem.params));
      } finally {
        setBusy((n) => n - 1);
      }
    }
    if (added.length) onChange([...photos, ...added].slice(0, max));
  };

  return (
    <div className="phone-photos pub-photos" data-testid="public-photos" data-count={photos.length}>
      {photos.map((p, index) => (
        <div className="phone-photo pub-photo" key={p.key} data-testid={`public-photo-${index}`}>
          {p.url ? <img src={p.url} alt="" /> : <Icon name="picture" className="pub-photo-placeholder" />}
          <button
            type="button"
            className="phone-photo-remove"
            aria-label={`${t('public.report.discard')} ${index + 1}`}
            onClick={() => onChange(photos.filter((_, i) => i !== index))}
            data-testid={`public-photo-remove-${index}`}
          >
            <Icon name="close" />
          </button>
        </div>
      ))}
      {Array.from({ length: busy }, (_, i) => (
        <div className="phone-photo pub-photo phone-photo-busy" key={`busy-${i}`}>
          <Spin />
        </div>
      ))}
      {photos.length + busy < max ? (
        <label className="phone-photo-add pub-photo-add">
          <Icon name="camera" />
          <span>{t('public.report.photos')}</span>
          <input
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            onChange={(event) => void add(event)}
            aria-label={t('public.report.photos')}
            data-testid="public-photo-input"
          />
        </label>
      ) : null}
    </div>
  );
}
