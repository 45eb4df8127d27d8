import { useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Flex, Row, Select, Skeleton, Typography } from 'antd';
import { FilePdfOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import type { YearbookPart } from '../../../../common/domain/yearbook.ts';
import { errorText } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { downloadFile } from '../../components/download.ts';
import { cityToday } from '../../components/format.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { useAuth } from '../auth/context.ts';
import { useI18n } from '../../i18n/context.ts';
import { DocumentHeader } from './DocumentHeader.tsx';
import { FigurePanel } from './FigurePanel.tsx';
import { NewYearButton } from './NewYearButton.tsx';
import { SectionCard } from './SectionCard.tsx';
import { yearbookApi, type YearbookDocument, type YearbookDocumentSummary } from './yearbook.api.ts';

/**
 * 年度工作总结 (docs/yearbook.md): the year's document in the bureau's structure, its prose edited here with live
 * figures, the figure panel beside it, and the 公文 as .docx and PDF. `?year=` names the year shown.
 */
export function YearbookPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { can } = useAuth();
  const canEdit = can('yearbook.edit');
  const [params, setParams] = useSearchParams();
  const [busy, setBusy] = useState<'docx' | 'pdf' | 'add' | null>(null);
  const years = useResource<YearbookDocumentSummary[]>((signal) => yearbookApi.list(signal), []);
  const list = years.data ?? [];
  const asked = Number(params.get('year'));
  const current = list.find((d) => d.year === asked) ?? list[0] ?? null;
  const docRes = useResource<YearbookDocument>(
    current ? (signal) => yearbookApi.get(current.id, locale, signal) : null,
    [current?.id, locale],
    { resetOnChange: true },
  );
  const doc = docRes.data;
  // a summary is written at the turn of the year: from October on, of the year ending; before, of the last one
  const [thisYear, thisMonth] = cityToday().split('-').map(Number) as [number, number];
  const suggested = list.length ? Math.max(...list.map((d) => d.year)) + 1 : thisYear - (thisMonth >= 10 ? 0 : 1);

  const openYear = (year: number) => setParams({ year: String(year) }, { replace: true });
  const created = (d: YearbookDocument) => {
    years.reload();
    openYear(d.year);
  };
  const run = async (what: 'docx' | 'pdf' | 'add', f: () => Promise<unknown>) => {
    setBusy(what);
    try {
      await f();
    } catch (err) {
      void message.error(errorText(err, locale));
    } finally {
      setBusy(null);
    }
  };
  const download = (ext: 'docx' | 'pdf') =>
    doc &&
    void run(ext, () => downloadFile(yearbookApi.fileUrl(doc.id, ext), { lang: locale }, locale, `yearbook.${ext}`));
  const addSection = (part: YearbookPart) =>
    doc &&
    void run('add', async () =>
      docRes.setData(
        await yearbookApi.addSection(doc.id, { part, heading: t('yearbook.section.newHeading'), body: '' }, locale),
      ),
    );

  const toolbar = (
    <Flex gap={8} wrap>
      {list.length ? (
        <Select
          value={current?.year}
          onChange={openYear}
          style={{ width: 120 }}
          aria-label={t('yearbook.page.year')}
          options={list.map((d) => ({ value: d.year, label: t('yearbook.page.yearOption', { year: d.year }) }))}
          data-testid="yearbook-year"
        />
      ) : null}
      {canEdit && list.length ? <NewYearButton suggested={suggested} onCreated={created} /> : null}
      <Button
        icon={<FileWordOutlined />}
        disabled={!doc}
        loading={busy === 'docx'}
        onClick={() => download('docx')}
        data-testid="yearbook-docx"
      >
        {t('yearbook.page.downloadDocx')}
      </Button>
      <Button
        icon={<FilePdfOutlined />}
        disabled={!doc}
        loading={busy === 'pdf'}
        onClick={() => download('pdf')}
        data-testid="yearbook-pdf"
      >
        {t('yearbook.page.downloadPdf')}
      </Button>
    </Flex>
  );

  const error = years.error ?? docRes.error;
  return (
    <PageSection title={t('yearbook.page.title')} extra={toolbar} testId="page-yearbook">
      {error ? (
        <LoadError error={error} onRetry={years.error ? years.reload : docRes.reload} testId="yearbook" />
      ) : null}
      {!canEdit ? (
        <Alert type="info" showIcon title={t('yearbook.page.readOnly')} style={{ marginBottom: 12 }} />
      ) : null}
      {(years.loading && !years.data) || (docRes.loading && !doc) ? <Skeleton active /> : null}
      {years.data && !list.length ? (
        <Card data-testid="yearbook-empty">
          <Empty description={t(canEdit ? 'yearbook.page.empty' : 'yearbook.page.emptyReadOnly')}>
            {canEdit ? <NewYearButton type="primary" suggested={suggested} onCreated={created} /> : null}
          </Empty>
        </Card>
      ) : null}
      {doc ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={17}>
            <Card data-testid="yearbook-document">
              <DocumentHeader doc={doc} canEdit={canEdit} onChanged={docRes.setData} />
              {doc.parts.map((p) => (
                <section key={p.part} data-testid={`yearbook-part-${p.part}`}>
                  <Typography.Title level={4} style={{ marginTop: 8 }}>
                    {p.number}
                    {p.title}
                  </Typography.Title>
                  {doc.sections
                    .filter((s) => s.part === p.part)
                    .map((s) => (
                      <SectionCard key={s.id} doc={doc} section={s} canEdit={canEdit} onChanged={docRes.setData} />
                    ))}
                  {canEdit ? (
                    <Button
                      type="dashed"
                      block
                      icon={<PlusOutlined />}
                      loading={busy === 'add'}
                      onClick={() => addSection(p.part)}
                      style={{ marginBottom: 16 }}
                      data-testid={`yearbook-add-${p.part}`}
                    >
                      {t('yearbook.section.add')}
                    </Button>
                  ) : null}
                </section>
              ))}
            </Card>
          </Col>
          <Col xs={24} lg={7}>
            <div style={{ position: 'sticky', top: 16 }}>
              <FigurePanel doc={doc} />
            </div>
          </Col>
        </Row>
      ) : null}
    </PageSection>
  );
}
