import { Link } from 'react-router-dom';
import { Button, Card, Col, Flex, Grid, Result, Row, Skeleton } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { isApiError } from '../../api/errors.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { ActionPanel } from './ActionPanel.tsx';
import { CaseHeader, CaseInfo } from './CaseHeader.tsx';
import { CasePhotos } from './CasePhotos.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { PointMap } from './PointMap.tsx';
import { ReportBackNote } from './ReportBackNote.tsx';
import { CaseTransferCard } from '../federation/CaseTransferCard.tsx';
import { useCaseDetail } from './useCaseDetail.ts';

/** The case page: header, facts, map, before/after photos, timeline; the action panel on the right. */
export function CaseView({ id }: { id: string }) {
  const { t } = useI18n();
  const { detail, setDetail, error, loading, reload } = useCaseDetail(id);
  // On a phone (an inspector in the street) the action panel comes right after the header.
  const wide = Grid.useBreakpoint().xl === true;
  const back = (
    <Link to="/cases">
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} data-testid="case-back">
        {t('cases.detail.back')}
      </Button>
    </Link>
  );

  if (!detail) {
    if (error && isApiError(error) && error.status === 404) {
      return <Result status="404" title={t('cases.detail.notFound')} extra={back} data-testid="case-not-found" />;
    }
    if (error) return <LoadError error={error} onRetry={reload} testId="case" />;
    return <Skeleton active paragraph={{ rows: 8 }} />;
  }

  const actions = <ActionPanel detail={detail} onChanged={setDetail} onStale={reload} />;
  const facts = (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('cases.detail.info')}>
          <CaseInfo detail={detail} />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('cases.detail.map')}>
          <PointMap value={{ lng: detail.lng, lat: detail.lat }} height={260} testId="case-map" />
        </Card>
      </Col>
    </Row>
  );
  const timeline = (
    <Card size="small" title={t('cases.detail.timeline')}>
      <CaseTimeline detail={detail} />
    </Card>
  );
  return (
    <Flex vertical gap={16} data-testid="case-page" data-version={detail.version} aria-busy={loading}>
      {back}
      <CaseHeader detail={detail} />
      {wide ? (
        <Row gutter={[16, 16]}>
          <Col span={16}>
            <Flex vertical gap={16}>
              {facts}
              <ReportBackNote detail={detail} />
              <CasePhotos photos={detail.photos} />
              <CaseTransferCard caseId={detail.id} status={detail.status} />
            </Flex>
          </Col>
          <Col span={8}>
            <Flex vertical gap={16}>
              {actions}
              {timeline}
            </Flex>
          </Col>
        </Row>
      ) : (
        <>
          {actions}
          {facts}
          <ReportBackNote detail={detail} />
          <CasePhotos photos={detail.photos} />
          <CaseTransferCard caseId={detail.id} status={detail.status} />
          {timeline}
        </>
      )}
    </Flex>
  );
}
