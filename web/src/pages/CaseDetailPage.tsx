import { useParams } from 'react-router-dom';
import { CaseView } from '../features/cases/CaseView.tsx';

export function CaseDetailPage() {
  const { id = '' } = useParams();
  // keyed by id: another case is a fresh page (its own form state and subscriptions)
  return <CaseView key={id} id={id} />;
}
