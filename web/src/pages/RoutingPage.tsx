import { useState } from 'react';
import { Col, Flex, Row, Typography } from 'antd';
import { PageSection } from '../components/PageSection.tsx';
import { DuplicateSettingsForm } from '../features/routing/DuplicateSettingsForm.tsx';
import { RoutingRuleList } from '../features/routing/RoutingRuleList.tsx';
import { RoutingTryBox } from '../features/routing/RoutingTryBox.tsx';
import { useI18n } from '../i18n/context.ts';

export function RoutingPage() {
  const { t } = useI18n();
  // a rule change makes an earlier 试算 answer stale
  const [version, setVersion] = useState(0);
  return (
    <PageSection title={t('routing.title')} testId="page-routing">
      <Typography.Paragraph type="secondary">{t('routing.intro')}</Typography.Paragraph>
      <Flex vertical gap={16}>
        <RoutingRuleList onChanged={() => setVersion((v) => v + 1)} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <RoutingTryBox version={version} />
          </Col>
          <Col xs={24} xl={10}>
            <DuplicateSettingsForm />
          </Col>
        </Row>
      </Flex>
    </PageSection>
  );
}
