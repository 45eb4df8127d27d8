import { useState } from 'react';
import { App, Upload, type UploadFile, type UploadProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { casesApi, type UploadedPhoto } from './cases.api.ts';

interface Props {
  /** the ids of the uploaded photos (what CaseCreate / CaseTransition take as photoIds) */
  value?: string[];
  onChange?: (ids: string[]) => void;
  max?: number;
  testId?: string;
}

const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif';

/** Photos are uploaded as soon as they are chosen (POST /api/photos); the form then sends only their ids. */
export function PhotoUpload({ value, onChange, max = 9, testId }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const auth = useAuth();
  const [files, setFiles] = useState<UploadFile<UploadedPhoto>[]>([]);

  const idsOf = (list: UploadFile<UploadedPhoto>[]) =>
    list.flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : []));

  const customRequest: UploadProps<UploadedPhoto>['customRequest'] = (options) => {
    const file = options.file as File;
    casesApi
      .uploadPhoto(file, file.name || 'photo.jpg', { csrfToken: auth.me?.csrfToken ?? null, locale })
      .then((photo) => options.onSuccess?.(photo))
      .catch((error: unknown) => {
        void message.error(errorText(error, locale));
        options.onError?.(error instanceof Error ? error : new Error(String(error)));
      });
  };

  const handleChange: UploadProps<UploadedPhoto>['onChange'] = ({ fileList }) => {
    const list = fileList
      .filter((f) => f.status !== 'error')
      .map((f) =>
        f.status === 'done' && f.response ? { ...f, thumbUrl: f.response.thumbUrl, url: f.response.url } : f,
      );
    setFiles(list);
    const ids = idsOf(list);
    if (ids.join() !== (value ?? []).join()) onChange?.(ids);
  };

  return (
    <div data-testid={testId} data-count={value?.length ?? 0}>
      <Upload<UploadedPhoto>
        accept={ACCEPT}
        multiple
        listType="picture-card"
        fileList={files}
        customRequest={customRequest}
        onChange={handleChange}
        maxCount={max}
        showUploadList={{ showPreviewIcon: false }}
      >
        {files.length < max ? (
          <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
            <PlusOutlined />
            <div style={{ marginTop: 8 }}>{t('cases.form.upload')}</div>
          </button>
        ) : null}
      </Upload>
    </div>
  );
}
