import { Card, Col, Flex, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useAuth } from '../features/auth/context.ts';
import { WelcomeCard } from '../features/auth/WelcomeCard.tsx';
import { CaseWorkbench } from '../features/cases/CaseWorkbench.tsx';
import { NoticeBoard } from '../features/notices/NoticeBoard.tsx';
import { ProposalTodoCard } from '../features/proposals/ProposalTodoCard.tsx';
import { useI18n } from '../i18n/context.ts';
import { visibleMenu } from '../menu.tsx';

/**
 * 工作台: who is signed in, their case to-do, notices, overdue cases and approvals waiting, the 建议提案 unit tasks
 * in their scope, then shortcuts.
 */
export function HomePage() {
  const { t } = useI18n();
  const me = useAuth().me;
  const links = visibleMenu(me?.permissions ?? [])
    .flatMap((node) => (node.kind === 'item' ? [node.entry] : node.entries))
    .filter((entry) => entry.key !== 'home');
  return (
    <Flex vertical gap={16} data-testid="page-home">
      <WelcomeCard />
      {me?.permissions.includes('case.read') ? <CaseWorkbench /> : me ? <NoticeBoard /> : null}
      {me?.permissions.includes('proposal.read') ? <ProposalTodoCard /> : null}
      {links.length > 0 ? (
        <Card title={t('home.quickLinks')} data-testid="home-quick-links">
          <Row gutter={[12, 12]}>
            {links.map(({ key, path, labelKey, icon: Icon }) => (
              <Col key={key} xs={12} sm={8} lg={6}>
                <Link to={path} data-testid={`home-link-${key}`}>
                  <Card hoverable size="small">
                    <Flex vertical align="center" gap={6}>
                      <Typography.Text style={{ fontSize: 22 }}>
                        <Icon />
                      </Typography.Text>
                      <Typography.Text>{t(labelKey)}</Typography.Text>
                    </Flex>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </Card>
      ) : null}
    </Flex>
  );
}
