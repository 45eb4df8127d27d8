import { Button } from './controls.tsx';
import { Dialog } from './dialog.tsx';

export interface ViewedPhoto {
  id: string;
  url: string;
}

interface Props {
  photos: ViewedPhoto[];
  /** the photo shown, or null when closed */
  index: number | null;
  onIndex: (index: number | null) => void;
  labels: { title: string; previous: string; next: string; close: string };
}

/** Full-size photos one at a time (the thumbnails only hint at what is there), with previous/next. */
export function PhotoViewer({ photos, index, onIndex, labels }: Props) {
  const photo = index === null ? undefined : photos[index];
  const go = (step: number) => index !== null && onIndex((index + step + photos.length) % photos.length);
  return (
    <Dialog
      open={photo !== undefined}
      title={`${labels.title} ${(index ?? 0) + 1} / ${photos.length}`}
      onClose={() => onIndex(null)}
      closeLabel={labels.close}
      testId="photo-viewer"
      footer={
        photos.length > 1 ? (
          <>
            <Button icon="left" onClick={() => go(-1)}>
              {labels.previous}
            </Button>
            <Button onClick={() => go(1)}>{labels.next}</Button>
          </>
        ) : undefined
      }
    >
      {photo ? <img className="ph-viewer-img" src={photo.url} alt={`${labels.title} ${(index ?? 0) + 1}`} /> : null}
    </Dialog>
  );
}
