import { useParams } from 'react-router-dom';
import { Flex } from 'antd';
import { CaseView } from '../features/cases/CaseView.tsx';
import { CaseEnforcementCard } from '../features/enforcement/CaseEnforcementCard.tsx';

export function CaseDetailPage() {
  const { id = '' } = useParams();
  // keyed by id: another case is a fresh page (its own form state and subscriptions)
  return (
    <Flex vertical gap={16} key={id}>
      <CaseView id={id} />
      {/* the link back from a case to the enforcement cases opened from it */}
      <CaseEnforcementCard caseId={id} />
    </Flex>
  );
}
