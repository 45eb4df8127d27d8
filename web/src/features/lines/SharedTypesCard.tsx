import { useEffect } from 'react';
import { App, Button, Card, Form, Select, Typography } from 'antd';
import { LINES, MAX_SHARED_TYPES, type Line } from '../../../../common/domain/lines.ts';
import { errorText, fieldErrorsOf } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { assetsApi } from '../assets/assets.api.ts';
import { linesApi } from './lines.api.ts';

type Values = Record<Line, string[]>;

/**
 * 条线共用设施 (docs/lines.md, "Facilities shared by two lines"): per line, the other lines' asset types its view and
 * map layer also show. Only the lines whose list changed are saved; a refused code is named on its line's field.
 */
export function SharedTypesCard() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const types = useResource((signal) => assetsApi.types(undefined, signal), []);
  const shared = useResource((signal) => linesApi.shared(signal), []);
  const saved = Object.fromEntries(
    (shared.data?.items ?? []).map((x) => [x.line, x.types.map((type) => type.code)]),
  ) as Partial<Values>;
  useEffect(() => {
    if (shared.data) form.setFieldsValue(saved);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `saved` is derived from shared.data
  }, [shared.data, form]);
  const { submitting, run } = useFormSubmit(form, async (v: Values) => {
    for (const line of LINES) {
      const next = v[line] ?? [];
      if (next.join(',') === (saved[line] ?? []).join(',')) continue;
      try {
        await linesApi.saveShared(line, { typeCodes: next });
      } catch (error) {
        // the server names body.typeCodes.N; on this form the field is the line's select
        const detail = fieldErrorsOf(error)[0]?.message;
        form.setFields([{ name: line, errors: [detail || errorText(error, locale)] }]);
        throw error;
      }
    }
    shared.reload();
    void message.success(t('lineViews.shared.saved'));
  });
  const name = (x: { nameZh: string; nameEn: string }) => (locale === 'en' ? x.nameEn : x.nameZh);
  const all = types.data?.items ?? [];
  return (
    <Card title={t('lineViews.shared.title')} data-testid="line-shared">
      <Typography.Paragraph type="secondary">{t('lineViews.shared.intro')}</Typography.Paragraph>
      {types.error || shared.error ? (
        <LoadError error={types.error ?? shared.error} onRetry={() => (types.reload(), shared.reload())} />
      ) : null}
      <Form form={form} layout="vertical" onFinish={(v) => void run(v)} disabled={!types.data || !shared.data}>
        {LINES.map((line) => (
          <Form.Item key={line} name={line} label={t('lineViews.shared.label', { line: t(`lineViews.group.${line}`) })}>
            <Select
              mode="multiple"
              allowClear
              maxCount={MAX_SHARED_TYPES}
              optionFilterProp="label"
              placeholder={t('lineViews.shared.placeholder')}
              data-testid={`line-shared-${line}`}
              options={all
                .filter((x) => x.line !== line)
                .map((x) => ({ value: x.code, label: `${t(`assets.lines.${x.line}`)} · ${name(x)}（${x.code}）` }))}
            />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="line-shared-save">
          {t('lineViews.shared.save')}
        </Button>
      </Form>
    </Card>
  );
}
