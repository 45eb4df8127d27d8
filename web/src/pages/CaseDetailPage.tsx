import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Flex } from 'antd';
import { CaseView } from '../features/cases/CaseView.tsx';
import { DossierBatchCard } from '../features/dossier/DossierBatchCard.tsx';
import { CaseEnforcementCard } from '../features/enforcement/CaseEnforcementCard.tsx';
import { CaseSupervisionCard } from '../features/supervision/CaseSupervisionCard.tsx';
import { CaseVisionCard } from '../features/vision/CaseVisionCard.tsx';

export function CaseDetailPage() {
  const { id = '' } = useParams();
  // a 督办单 issued below adds a 督办 row to the case: the case view is read again
  const [revision, setRevision] = useState(0);
  // keyed by id: another case is a fresh page (its own form state and subscriptions)
  return (
    <Flex vertical gap={16} key={id}>
      <CaseView key={revision} id={id} />
      {/* the camera and drone events of the case, with their images */}
      <CaseVisionCard caseId={id} />
      {/* 督办单 of the case, issuing one, and the printable 案卷 */}
      <CaseSupervisionCard caseId={id} onIssued={() => setRevision((r) => r + 1)} />
      {/* the month batch of 案卷 for archiving, next to the one case's 案卷 */}
      <DossierBatchCard />
      {/* the link back from a case to the enforcement cases opened from it */}
      <CaseEnforcementCard caseId={id} />
    </Flex>
  );
}
