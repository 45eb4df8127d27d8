import { Col, Flex, Row } from 'antd';
import { PageSection } from '../components/PageSection.tsx';
import { CalendarYearEditor } from '../features/calendar/CalendarYearEditor.tsx';
import { DeadlineCheck } from '../features/calendar/DeadlineCheck.tsx';
import { WorkPeriodsEditor } from '../features/calendar/WorkPeriodsEditor.tsx';
import { useI18n } from '../i18n/context.ts';

export function CalendarPage() {
  const { t } = useI18n();
  return (
    <PageSection title={t('calendar.title')} testId="page-calendar">
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <CalendarYearEditor />
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <WorkPeriodsEditor />
            <DeadlineCheck />
          </Flex>
        </Col>
      </Row>
    </PageSection>
  );
}
